import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { CursorPagination, ResultsSummary, useCursorPage } from '../../components/CursorPagination.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Loading, LoadError } from '../../components/QueryStates.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { graphql } from '../../graphql.ts';

export const ProjectsQuery = graphql(`
  query Projects($first: Int!, $after: String) {
    projects(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id title status organisation { id name } requests { id } } }
    }
  }
`);

const pageSize = 25;

export function ProjectsPage() {
  return (
    <>
      <PageHeading>Projects</PageHeading>
      <p className="nhsuk-lede-text">Work across the partners that asks for specialist analyst time.</p>
      <ProjectsTable />
    </>
  );
}

function ProjectsTable() {
  const { after, pageNumber } = useCursorPage();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ProjectsQuery, variables: { first: pageSize, after } });

  if (fetching && !data) return <Loading>Loading projects…</Loading>;
  if (error && !data) return <LoadError error={error} what="projects" retry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data) return null;

  const { totalCount, pageInfo, edges } = data.projects;
  if (edges.length === 0) return <p>There are no projects yet.</p>;

  return (
    <>
      <ResultsSummary totalCount={totalCount} pageSize={pageSize} noun={['project', 'projects']} />
      <Table responsive firstCellIsHeader caption={`Projects, page ${pageNumber}`} captionProps={{ size: 'm' }}>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Project</Table.Cell>
            <Table.Cell>Organisation</Table.Cell>
            <Table.Cell>Status</Table.Cell>
            <Table.Cell format="numeric">Requests</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {edges.map(({ node: project }) => (
            <Table.Row key={project.id}>
              <Table.Cell>
                <Link to={`/projects/${project.id}`}>{project.title}</Link>
              </Table.Cell>
              <Table.Cell>{project.organisation.name}</Table.Cell>
              <Table.Cell>
                <StatusTag status={project.status} />
              </Table.Cell>
              <Table.Cell format="numeric">{project.requests.length}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <CursorPagination pageInfo={pageInfo} totalCount={totalCount} pageSize={pageSize} />
    </>
  );
}
