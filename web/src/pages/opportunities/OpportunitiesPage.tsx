import { Table, Tag } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { dateLabel, fteLabel, plural, skillLevelLabel } from '../../format.ts';
import { graphql, type ResultOf } from '../../graphql.ts';
import { sections } from '../../sections.ts';

export const OpportunitiesQuery = graphql(`
  query Opportunities {
    opportunities(first: 50) {
      requestId
      title
      projectTitle
      organisationName
      startWeek
      weekCount
      openFte
      availableFte
      kind
      interested
      grows { skillId skillName targetLevel }
      development { mentors { analystId } }
    }
  }
`);

type Opportunity = ResultOf<typeof OpportunitiesQuery>['opportunities'][number];

export function OpportunitiesPage() {
  const query = useQuery({ query: OpportunitiesQuery, requestPolicy: 'cache-and-network' });
  return (
    <>
      <PageHeading>Opportunities</PageHeading>
      <p className="nhsuk-lede-text">
        Open requests across the integrated care system that you could take, best fit and growth first. Work that grows a skill you
        aim for comes first; keep your <Link to={sections.myProfile.path}>skills and aspirations</Link> up to date.
      </p>
      <QueryStates query={query} loading="Finding opportunities for you…" what="your opportunities">
        {({ opportunities }) =>
          opportunities.length === 0 ? (
            <div className="nhsuk-inset-text">
              <h2 className="nhsuk-heading-s">No opportunities right now</h2>
              <p>
                No open request fits your skills and free time at the moment. Adding an aspiration can open development placements: see{' '}
                <Link to={sections.myProfile.path}>your profile</Link>.
              </p>
            </div>
          ) : (
            <OpportunitiesTable opportunities={opportunities} />
          )
        }
      </QueryStates>
    </>
  );
}

function OpportunitiesTable({ opportunities }: { opportunities: readonly Opportunity[] }) {
  return (
    <Table responsive firstCellIsHeader caption={plural(opportunities.length, 'opportunity', 'opportunities')} captionProps={{ size: 'm' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Request</Table.Cell>
          <Table.Cell>For</Table.Cell>
          <Table.Cell>When</Table.Cell>
          <Table.Cell>Your time</Table.Cell>
          <Table.Cell>Grows</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {opportunities.map((opportunity) => (
          <Table.Row key={opportunity.requestId}>
            <Table.Cell>
              <Link to={`${sections.opportunities.path}/${opportunity.requestId}`}>{opportunity.title}</Link>
              <span className="nhsuk-body-s app-secondary-text">{opportunity.projectTitle}</span>
              {opportunity.kind === 'DEVELOPMENT' && <Tag modifier="purple">Development placement</Tag>}{' '}
              {opportunity.interested && <Tag modifier="green">You are interested</Tag>}
            </Table.Cell>
            <Table.Cell>{opportunity.organisationName}</Table.Cell>
            <Table.Cell>
              {plural(opportunity.weekCount, 'week')} from {dateLabel(opportunity.startWeek)}
            </Table.Cell>
            <Table.Cell>
              Up to {fteLabel(opportunity.availableFte)} of {fteLabel(opportunity.openFte)} open
            </Table.Cell>
            <Table.Cell>
              {opportunity.grows.length === 0
                ? 'None of your aims'
                : opportunity.grows.map((growth) => `${growth.skillName} towards ${skillLevelLabel(growth.targetLevel)}`).join('; ')}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
