import { Table } from 'nhsuk-react-components';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { PagedResults, useCursorPage } from '../../components/CursorPagination.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { graphql, type ResultOf } from '../../graphql.ts';
import { profileViewLabel, readerLabel, readTimestamp } from './profileViewLabels.ts';

export const ProfileViewsQuery = graphql(`
  query ProfileViews($first: Int!, $after: String, $filter: ProfileReadFilter) {
    profileReads(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          view
          readAt
          readerName
          readerRole
          readerOrganisationName
          analyst { id name }
        }
      }
    }
  }
`);

type ProfileView = ResultOf<typeof ProfileViewsQuery>['profileReads']['edges'][number]['node'];

const pageSize = 25;
const analystParam = 'analyst';

/** Who opened which analyst's profile, newest first; `?analyst=<id>` narrows it to one analyst. */
export function ProfileViewsPage() {
  const [searchParams] = useSearchParams();
  const analystId = searchParams.get(analystParam);
  const { after } = useCursorPage();
  const query = useQuery({
    query: ProfileViewsQuery,
    variables: { first: pageSize, after, filter: analystId ? { analystId } : {} },
  });

  return (
    <>
      <PageHeading>Profile views</PageHeading>
      <p className="nhsuk-lede-text">
        Who opened an analyst’s profile or career path, newest first. Repeat views by the same person within an hour are shown
        once. Times are in UTC.
      </p>
      <p>
        <Link to="/audit">Back to the audit log of changes</Link>
        {analystId && (
          <>
            {' · '}
            <Link to="/audit/profile-views">Views of every profile</Link>
          </>
        )}
      </p>
      <QueryStates query={query} loading="Loading profile views…" what="profile views">
        {({ profileReads }) =>
          profileReads.edges.length === 0 ? (
            <p>{analystId ? 'No one else has opened this analyst’s profile.' : 'No one has opened another person’s profile yet.'}</p>
          ) : (
            <PagedResults connection={profileReads} pageSize={pageSize} noun={['view', 'views']}>
              <ProfileViewsTable views={profileReads.edges.map(({ node }) => node)} filtered={Boolean(analystId)} />
            </PagedResults>
          )
        }
      </QueryStates>
    </>
  );
}

function ProfileViewsTable({ views, filtered }: { views: readonly ProfileView[]; filtered: boolean }) {
  const { pageNumber } = useCursorPage();
  const caption = filtered ? `Views of ${views[0]!.analyst.name}’s profile, page ${pageNumber}` : `Profile views, page ${pageNumber}`;
  return (
    <Table responsive caption={caption} captionProps={{ size: 'm' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>When</Table.Cell>
          <Table.Cell>Who opened it</Table.Cell>
          <Table.Cell>Whose</Table.Cell>
          <Table.Cell>What</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {views.map((view) => (
          <Table.Row key={view.id}>
            <Table.Cell>{readTimestamp.format(new Date(view.readAt))}</Table.Cell>
            <Table.Cell>{readerLabel(view)}</Table.Cell>
            <Table.Cell>
              <Link to={`/analysts/${view.analyst.id}`}>{view.analyst.name}</Link>
              {!filtered && (
                <span className="nhsuk-body-s app-secondary-text">
                  <Link to={`/audit/profile-views?${analystParam}=${view.analyst.id}`}>
                    Every view <span className="nhsuk-u-visually-hidden">of {view.analyst.name}’s profile</span>
                  </Link>
                </span>
              )}
            </Table.Cell>
            <Table.Cell>{profileViewLabel(view.view)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
