import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PagedResults, useCursorPage } from '../../components/CursorPagination.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { graphql, type ResultOf } from '../../graphql.ts';
import { sections } from '../../sections.ts';
import { profileViewLabel, readerLabel, readTimestamp } from '../audit/profileViewLabels.ts';

export const MyProfileViewsQuery = graphql(`
  query MyProfileViews($first: Int!, $after: String) {
    myProfileReads(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id view readAt readerName readerRole readerOrganisationName } }
    }
  }
`);

type ProfileView = ResultOf<typeof MyProfileViewsQuery>['myProfileReads']['edges'][number]['node'];

const pageSize = 25;

/** For the analyst: who opened their profile or career path, newest first. */
export function MyProfileViewsPage() {
  const { after, pageNumber } = useCursorPage();
  const query = useQuery({ query: MyProfileViewsQuery, variables: { first: pageSize, after } });

  return (
    <>
      <PageHeading>Who has viewed your profile</PageHeading>
      <p className="nhsuk-lede-text">
        Leads open your profile to plan work with you. Each view is recorded, once an hour per person, and the workforce lead can
        see the same list. Times are in UTC.
      </p>
      <p>
        <Link to={sections.myProfile.path}>Back to my skills and aspirations</Link>
      </p>
      <QueryStates query={query} loading="Loading who has viewed your profile…" what="who has viewed your profile">
        {({ myProfileReads }) =>
          myProfileReads.edges.length === 0 ? (
            <p>No one else has opened your profile yet.</p>
          ) : (
            <PagedResults connection={myProfileReads} pageSize={pageSize} noun={['view', 'views']}>
              <ViewsTable views={myProfileReads.edges.map(({ node }) => node)} pageNumber={pageNumber} />
            </PagedResults>
          )
        }
      </QueryStates>
    </>
  );
}

function ViewsTable({ views, pageNumber }: { views: readonly ProfileView[]; pageNumber: number }) {
  return (
    <Table responsive caption={`Views of your profile, page ${pageNumber}`} captionProps={{ size: 'm' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>When</Table.Cell>
          <Table.Cell>Who opened it</Table.Cell>
          <Table.Cell>What</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {views.map((view) => (
          <Table.Row key={view.id}>
            <Table.Cell>{readTimestamp.format(new Date(view.readAt))}</Table.Cell>
            <Table.Cell>{readerLabel(view)}</Table.Cell>
            <Table.Cell>{profileViewLabel(view.view)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
