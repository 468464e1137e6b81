import { Table } from 'nhsuk-react-components';
import { useQuery } from 'urql';
import { PagedResults, useCursorPage } from '../../components/CursorPagination.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { organisationKindLabel, plural, sentenceCase } from '../../format.ts';
import { graphql, type ResultOf } from '../../graphql.ts';

export const OrganisationsQuery = graphql(`
  query Organisations($first: Int!, $after: String) {
    organisations(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name kind sizeBand headcount analystCount } }
    }
  }
`);

const pageSize = 25;

type OrganisationRow = ResultOf<typeof OrganisationsQuery>['organisations']['edges'][number]['node'];

export function OrganisationsPage() {
  return (
    <>
      <PageHeading>Organisations</PageHeading>
      <p className="nhsuk-lede-text">The partners of the integrated care system that share analysts through the pool.</p>
      <Organisations />
    </>
  );
}

function Organisations() {
  const { after } = useCursorPage();
  const query = useQuery({ query: OrganisationsQuery, variables: { first: pageSize, after } });

  return (
    <QueryStates query={query} loading="Loading organisations…" what="organisations">
      {({ organisations }) =>
        organisations.edges.length === 0 ? (
          <p>No partner organisations have been added yet.</p>
        ) : (
          <PagedResults connection={organisations} pageSize={pageSize} noun={['organisation', 'organisations']}>
            <OrganisationsTable organisations={organisations.edges.map(({ node }) => node)} />
          </PagedResults>
        )
      }
    </QueryStates>
  );
}

function OrganisationsTable({ organisations }: { organisations: readonly OrganisationRow[] }) {
  const { pageNumber } = useCursorPage();
  return (
    <Table responsive firstCellIsHeader caption={`Organisations, page ${pageNumber}`} captionProps={{ size: 'm' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Name</Table.Cell>
          <Table.Cell>Kind</Table.Cell>
          <Table.Cell>Size</Table.Cell>
          <Table.Cell format="numeric">Analysts</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {organisations.map((organisation) => (
          <Table.Row key={organisation.id}>
            <Table.Cell>{organisation.name}</Table.Cell>
            <Table.Cell>{organisationKindLabel(organisation.kind)}</Table.Cell>
            <Table.Cell>
              {sentenceCase(organisation.sizeBand)} ({plural(organisation.headcount, 'member of staff', 'staff')})
            </Table.Cell>
            <Table.Cell format="numeric">{organisation.analystCount}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
