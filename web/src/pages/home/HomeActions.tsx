import { Link } from 'react-router';
import { useQuery } from 'urql';
import { QueryStates } from '../../components/QueryStates.tsx';
import { plural } from '../../format.ts';
import { graphql, type ResultOf } from '../../graphql.ts';
import { sections } from '../../sections.ts';

export const MyActionsQuery = graphql(`
  query MyActions {
    myActions(first: 20) {
      totalCount
      items {
        kind
        text
        allocation { id request { id } }
      }
    }
  }
`);

type ActionItem = ResultOf<typeof MyActionsQuery>['myActions']['items'][number];

/**
 * Where each action is done: deciding and confirming on the allocation, replacing from the request's
 * candidates, feedback on the careers page's form for that allocation.
 */
function actionPath({ kind, allocation }: ActionItem): string {
  if (kind === 'REPLACE_DECLINED') return `/allocations/new?request=${allocation.request.id}`;
  if (kind === 'GIVE_FEEDBACK') return `${sections.career.path}#feedback-${allocation.id}`;
  return `/allocations/${allocation.id}`;
}

/** "What you need to do": the signed-in person's open actions, each linking to where it is done. */
export function HomeActions() {
  const query = useQuery({ query: MyActionsQuery });
  return (
    <section aria-labelledby="your-actions">
      <h2 id="your-actions">What you need to do</h2>
      <QueryStates query={query} loading="Loading what you need to do…" what="what you need to do">
        {({ myActions }) =>
          myActions.items.length === 0 ? (
            <p>Nothing needs you just now.</p>
          ) : (
            <>
              <ul className="nhsuk-list nhsuk-list--bullet">
                {myActions.items.map((item) => (
                  <li key={`${item.kind}:${item.allocation.id}`}>
                    <Link to={actionPath(item)}>{item.text}</Link>
                  </li>
                ))}
              </ul>
              {myActions.totalCount > myActions.items.length && (
                <p>
                  <Link to={sections.allocations.path}>{`See all ${plural(myActions.totalCount, 'thing')} waiting for you`}</Link>
                </p>
              )}
            </>
          )
        }
      </QueryStates>
    </section>
  );
}
