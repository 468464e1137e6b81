import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { CursorPagination, ResultsSummary, useCursorPage } from '../../components/CursorPagination.tsx';
import { Loading, LoadError } from '../../components/QueryStates.tsx';
import { SkillTags } from '../../components/SkillTags.tsx';
import { bandLabel } from '../../format.ts';
import { graphql } from '../../graphql.ts';
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

export const directoryPageSize = 25;
const topSkillCount = 3;

function topSkills<T extends { level: number; skill: { name: string } }>(skills: readonly T[]): T[] {
  return [...skills]
    .sort((a, b) => b.level - a.level || a.skill.name.localeCompare(b.skill.name))
    .slice(0, topSkillCount);
}

export function DirectoryResults({ filter }: { filter: AnalystFilter }) {
  const { after, pageNumber } = useCursorPage();
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: AnalystDirectoryQuery,
    variables: { first: directoryPageSize, after, filter },
  });

  if (fetching && !data) return <Loading>Loading analysts…</Loading>;
  if (error && !data) return <LoadError error={error} what="analysts" retry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data) return null;

  const { totalCount, pageInfo, edges } = data.analysts;
  if (edges.length === 0) {
    return (
      <div className="nhsuk-inset-text">
        <h2 className="nhsuk-heading-s">No analysts found</h2>
        <p>
          {isFiltered(filter) ? (
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

  return (
    <>
      <ResultsSummary totalCount={totalCount} pageSize={directoryPageSize} noun={['analyst', 'analysts']} />
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
          {edges.map(({ node: analyst }) => (
            <Table.Row key={analyst.id}>
              <Table.Cell>
                <Link to={`/analysts/${analyst.id}`}>{analyst.name}</Link>
              </Table.Cell>
              <Table.Cell>{analyst.jobTitle}</Table.Cell>
              <Table.Cell>{bandLabel(analyst.band)}</Table.Cell>
              <Table.Cell>{analyst.organisation.name}</Table.Cell>
              <Table.Cell>
                {analyst.skills.length > 0 ? <SkillTags skills={topSkills(analyst.skills)} /> : 'None recorded'}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <CursorPagination pageInfo={pageInfo} totalCount={totalCount} pageSize={directoryPageSize} />
    </>
  );
}
