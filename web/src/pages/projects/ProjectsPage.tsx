import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PagedResults, useCursorPage } from '../../components/CursorPagination.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { graphql, type ResultOf } from '../../graphql.ts';

export const ProjectsQuery = graphql(`
  query Projects($first: Int!, $after: String, $filter: ProjectFilter) {
    projects(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id title status organisation { id name } requestCount } }
    }
  }
`);

const pageSize = 25;

type ProjectRow = ResultOf<typeof ProjectsQuery>['projects']['edges'][number]['node'];

export function ProjectsPage() {
  return (
    <>
      <PageHeading>Projects</PageHeading>
      <p className="nhsuk-lede-text">Work across the partners that asks for specialist analyst time.</p>
      <Projects />
    </>
  );
}

/** A page of projects, all you may see or (`mine`) your own organisation's, drafts included. */
export function Projects({ mine = false }: { mine?: boolean }) {
  const { after } = useCursorPage();
  const query = useQuery({ query: ProjectsQuery, variables: { first: pageSize, after, filter: mine ? { mine } : null } });

  return (
    <QueryStates query={query} loading="Loading projects…" what="projects">
      {({ projects }) =>
        projects.edges.length === 0 ? (
          <p>{mine ? 'Your organisation has no projects yet.' : 'There are no projects yet.'}</p>
        ) : (
          <PagedResults connection={projects} pageSize={pageSize} noun={['project', 'projects']}>
            <ProjectsTable projects={projects.edges.map(({ node }) => node)} />
          </PagedResults>
        )
      }
    </QueryStates>
  );
}

function ProjectsTable({ projects }: { projects: readonly ProjectRow[] }) {
  const { pageNumber } = useCursorPage();
  return (
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
        {projects.map((project) => (
          <Table.Row key={project.id}>
            <Table.Cell>
              <Link to={`/projects/${project.id}`}>{project.title}</Link>
            </Table.Cell>
            <Table.Cell>{project.organisation.name}</Table.Cell>
            <Table.Cell>
              <StatusTag status={project.status} />
            </Table.Cell>
            <Table.Cell format="numeric">{project.requestCount}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
