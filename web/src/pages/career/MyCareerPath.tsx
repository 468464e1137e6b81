import { Table, Tag } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { QueryStates } from '../../components/QueryStates.tsx';
import { bandLabel, dateLabel, percentLabel, plural, skillLevelLabel } from '../../format.ts';
import { graphql, type ResultOf } from '../../graphql.ts';
import { sections } from '../../sections.ts';
import { CalendarFeedSection } from './CalendarFeedSection.tsx';
import { SkillGapChart } from './SkillGapChart.tsx';

export const MyCareerPathQuery = graphql(`
  query MyCareerPath {
    careerPath {
      analystId
      readiness
      targetRole { id name band }
      gaps { skillId skillName requiredLevel currentLevel evidencedLevel gap }
      closingOpportunities { requestId title organisationName startWeek kind grows { skillId skillName } }
      history { id skillName fromLevel toLevel evidencedAt evidencedByName requestTitle rating comment }
    }
  }
`);

type CareerPath = ResultOf<typeof MyCareerPathQuery>['careerPath'];

/** The signed-in analyst's gap to their target role, the work that would close it, and their evidenced progress. */
export function MyCareerPath() {
  const query = useQuery({ query: MyCareerPathQuery, requestPolicy: 'cache-and-network' });
  return (
    <>
      <QueryStates query={query} loading="Loading your career path…" what="your career path">
        {({ careerPath }) => (
          <>
            <TargetRole path={careerPath} />
            <ClosingOpportunities path={careerPath} />
            <History path={careerPath} />
          </>
        )}
      </QueryStates>
      <CalendarFeedSection />
    </>
  );
}

function TargetRole({ path }: { path: CareerPath }) {
  if (!path.targetRole) {
    return (
      <div className="nhsuk-inset-text">
        <h2 className="nhsuk-heading-s">No target role yet</h2>
        <p>
          Choose the role you are working towards on <Link to={sections.myProfile.path}>your profile</Link> to see the gap to it here.
        </p>
      </div>
    );
  }
  return (
    <>
      <h2>
        Towards {path.targetRole.name} ({bandLabel(path.targetRole.band)})
      </h2>
      <p>You meet {percentLabel(path.readiness)} of what the role requires.</p>
      <SkillGapChart gaps={path.gaps} roleName={path.targetRole.name} />
    </>
  );
}

function ClosingOpportunities({ path }: { path: CareerPath }) {
  if (!path.targetRole || path.gaps.every((gap) => gap.gap === 0)) return null;
  return (
    <>
      <h2>Work that would close the gap</h2>
      {path.closingOpportunities.length === 0 ? (
        <p>No open request uses those skills and fits your free time right now. New requests appear here as they come in.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {path.closingOpportunities.map((opportunity) => (
            <li key={opportunity.requestId}>
              <Link to={`${sections.opportunities.path}/${opportunity.requestId}`}>{opportunity.title}</Link> for {opportunity.organisationName},
              from {dateLabel(opportunity.startWeek)}
              {opportunity.kind === 'DEVELOPMENT' && (
                <>
                  {' '}
                  <Tag modifier="purple">Development placement</Tag>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function History({ path }: { path: CareerPath }) {
  return (
    <>
      <h2>Your evidenced progress</h2>
      {path.history.length === 0 ? (
        <p>No skill has been evidenced by completed work yet. After an allocation, the requesting lead can confirm the level you showed.</p>
      ) : (
        <Table responsive firstCellIsHeader caption={plural(path.history.length, 'evidenced change')} captionProps={{ size: 's' }}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Skill</Table.Cell>
              <Table.Cell>Level</Table.Cell>
              <Table.Cell>When</Table.Cell>
              <Table.Cell>From the work</Table.Cell>
              <Table.Cell>Feedback</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {path.history.map((entry) => (
              <Table.Row key={entry.id}>
                <Table.Cell>{entry.skillName}</Table.Cell>
                <Table.Cell>
                  {entry.fromLevel ? `${skillLevelLabel(entry.fromLevel)} to ` : ''}
                  {skillLevelLabel(entry.toLevel)}
                </Table.Cell>
                <Table.Cell>{dateLabel(entry.evidencedAt.slice(0, 10))}</Table.Cell>
                <Table.Cell>
                  {entry.requestTitle ?? 'Not recorded'}
                  {entry.evidencedByName && <span className="nhsuk-body-s app-secondary-text">Confirmed by {entry.evidencedByName}</span>}
                </Table.Cell>
                <Table.Cell>
                  {entry.rating ? `${entry.rating} out of 5` : ''}
                  {entry.comment ? `: ${entry.comment}` : ''}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </>
  );
}
