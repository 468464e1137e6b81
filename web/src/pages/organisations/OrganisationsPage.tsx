import { Table } from 'nhsuk-react-components';
import { useQuery } from 'urql';
import { CursorPagination, ResultsSummary, useCursorPage } from '../../components/CursorPagination.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Loading, LoadError } from '../../components/QueryStates.tsx';
import { organisationKindLabel, plural, sentenceCase } from '../../format.ts';
import { graphql } from '../../graphql.ts';

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

export function OrganisationsPage() {
  return (
    <>
      <PageHeading>Organisations</PageHeading>
      <p className="nhsuk-lede-text">The partners of the integrated care system that share analysts through the pool.</p>
      <OrganisationsTable />
    </>
  );
}

function OrganisationsTable() {
  const { after, pageNumber } = useCursorPage();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: OrganisationsQuery, variables: { first: pageSize, after } });

  if (fetching && !data) return <Loading>Loading organisations…</Loading>;
  if (error && !data) return <LoadError error={error} what="organisations" retry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data) return null;

  const { totalCount, pageInfo, edges } = data.organisations;
  if (edges.length === 0) return <p>No partner organisations have been added yet.</p>;

  return (
    <>
      <ResultsSummary totalCount={totalCount} pageSize={pageSize} noun={['organisation', 'organisations']} />
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
          {edges.map(({ node: organisation }) => (
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
      <CursorPagination pageInfo={pageInfo} totalCount={totalCount} pageSize={pageSize} />
    </>
  );
}
