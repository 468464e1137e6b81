import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PagedResults, useCursorPage } from '../../components/CursorPagination.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { SkillTags } from '../../components/SkillTags.tsx';
import { bandLabel, strongestFirst } from '../../format.ts';
import { graphql, type ResultOf } from '../../graphql.ts';
import { isFiltered, type AnalystFilter } from './directoryFilter.ts';

export const AnalystDirectoryQuery = graphql(`
  query AnalystDirectory($first: Int!, $after: String, $filter: AnalystFilter) {
    analysts(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          name
          jobTitle
          band
          organisation { id name }
          skills { level skill { id name } }
        }
      }
    }
  }
`);

type AnalystRow = ResultOf<typeof AnalystDirectoryQuery>['analysts']['edges'][number]['node'];

const pageSize = 25;
const topSkillCount = 3;

export function DirectoryResults({ filter }: { filter: AnalystFilter }) {
  const { after } = useCursorPage();
  const query = useQuery({ query: AnalystDirectoryQuery, variables: { first: pageSize, after, filter } });

  return (
    <QueryStates query={query} loading="Loading analysts…" what="analysts">
      {({ analysts }) =>
        analysts.edges.length === 0 ? (
          <NoAnalystsFound filtered={isFiltered(filter)} />
        ) : (
          <PagedResults connection={analysts} pageSize={pageSize} noun={['analyst', 'analysts']}>
            <AnalystsTable analysts={analysts.edges.map(({ node }) => node)} />
          </PagedResults>
        )
      }
    </QueryStates>
  );
}

function NoAnalystsFound({ filtered }: { filtered: boolean }) {
  return (
    <div className="nhsuk-inset-text">
      <h2 className="nhsuk-heading-s">No analysts found</h2>
      <p>
        {filtered ? (
          <>
            No analysts match these filters. Try a different name or skill, or <Link to="?">clear the filters</Link>.
          </>
        ) : (
          'There are no analysts in the pool yet.'
        )}
      </p>
    </div>
  );
}

function AnalystsTable({ analysts }: { analysts: readonly AnalystRow[] }) {
  const { pageNumber } = useCursorPage();
  return (
    <Table responsive firstCellIsHeader caption={`Analysts, page ${pageNumber}`} captionProps={{ size: 'm' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Name</Table.Cell>
          <Table.Cell>Job title</Table.Cell>
          <Table.Cell>Band</Table.Cell>
          <Table.Cell>Organisation</Table.Cell>
          <Table.Cell>Top skills</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {analysts.map((analyst) => (
          <Table.Row key={analyst.id}>
            <Table.Cell>
              <Link to={`/analysts/${analyst.id}`}>{analyst.name}</Link>
            </Table.Cell>
            <Table.Cell>{analyst.jobTitle}</Table.Cell>
            <Table.Cell>{bandLabel(analyst.band)}</Table.Cell>
            <Table.Cell>{analyst.organisation.name}</Table.Cell>
            <Table.Cell>
              {analyst.skills.length > 0 ? <SkillTags skills={strongestFirst(analyst.skills).slice(0, topSkillCount)} /> : 'None recorded'}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
