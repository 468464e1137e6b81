import { Button, SummaryList, Table, Tag } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { dateLabel, fteLabel, plural, skillLevelLabel } from '../../format.ts';
import { graphql, type ResultOf } from '../../graphql.ts';
import { sections } from '../../sections.ts';
import { ProblemSummary } from '../allocations/ProblemSummary.tsx';
import { NotFoundPage } from '../NotFoundPage.tsx';

export const OpportunityQuery = graphql(`
  query Opportunity($requestId: ID!) {
    opportunity(requestId: $requestId) {
      requestId
      title
      description
      projectTitle
      organisationName
      startWeek
      endWeek
      weekCount
      requestedFte
      openFte
      availableFte
      kind
      interested
      explanation
      skills { skillId skillName required wantedLevel yourLevel }
      development { skillName yourLevel requiredLevel mentors { analystId name level } }
    }
  }
`);

export const ExpressInterestMutation = graphql(`
  mutation ExpressInterest($requestId: ID!) { expressInterest(requestId: $requestId) { requestId interested } }
`);

export const WithdrawInterestMutation = graphql(`
  mutation WithdrawInterest($requestId: ID!) { withdrawInterest(requestId: $requestId) { requestId interested } }
`);

type Opportunity = NonNullable<ResultOf<typeof OpportunityQuery>['opportunity']>;

export function OpportunityPage() {
  const { requestId = '' } = useParams();
  const query = useQuery({ query: OpportunityQuery, variables: { requestId }, requestPolicy: 'cache-and-network' });
  return (
    <QueryStates query={query} heading="Opportunity" loading="Loading the opportunity…" what="this opportunity">
      {({ opportunity }) =>
        opportunity ? (
          <OpportunityDetails opportunity={opportunity} refresh={() => query[1]({ requestPolicy: 'network-only' })} />
        ) : (
          <NotFoundPage
            heading="Opportunity not found"
            explanation="This request is no longer open, or it does not fit your skills and free time any more."
          />
        )
      }
    </QueryStates>
  );
}

function OpportunityDetails({ opportunity, refresh }: { opportunity: Opportunity; refresh: () => void }) {
  const [expressing, express] = useMutation(ExpressInterestMutation);
  const [withdrawing, withdraw] = useMutation(WithdrawInterestMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const busy = expressing.fetching || withdrawing.fetching;

  async function toggleInterest() {
    const change = opportunity.interested ? withdraw : express;
    const result = await change({ requestId: opportunity.requestId });
    if (result.error) {
      setProblem(result.error.graphQLErrors[0]?.message ?? 'Sorry, the service did not respond. Try again in a few minutes.');
      return;
    }
    setProblem(null);
    refresh();
  }

  const { development } = opportunity;
  return (
    <>
      <ProblemSummary problems={problem ? [{ message: problem }] : []} />
      <PageHeading caption={opportunity.organisationName}>{opportunity.title}</PageHeading>
      {opportunity.kind === 'DEVELOPMENT' && <Tag modifier="purple">Development placement</Tag>}
      {opportunity.description && <p>{opportunity.description}</p>}
      <SummaryList>
        {(
          [
            ['Project', opportunity.projectTitle],
            ['Weeks', `${plural(opportunity.weekCount, 'week')}: ${dateLabel(opportunity.startWeek)} to ${dateLabel(opportunity.endWeek)}`],
            ['Time asked for', `${fteLabel(opportunity.requestedFte)} a week, ${fteLabel(opportunity.openFte)} still open`],
            ['Your time', `Up to ${fteLabel(opportunity.availableFte)} a week`],
          ] as const
        ).map(([key, value]) => (
          <SummaryList.Row key={key}>
            <SummaryList.Key>{key}</SummaryList.Key>
            <SummaryList.Value>{value}</SummaryList.Value>
          </SummaryList.Row>
        ))}
      </SummaryList>
      <h2>Why it fits you</h2>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {opportunity.explanation.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
      <Table caption="Skills the request asks for" captionProps={{ size: 's' }}>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Skill</Table.Cell>
            <Table.Cell>Must-have or nice-to-have</Table.Cell>
            <Table.Cell>Level asked</Table.Cell>
            <Table.Cell>Your level</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {opportunity.skills.map((skill) => (
            <Table.Row key={skill.skillId}>
              <Table.Cell>{skill.skillName}</Table.Cell>
              <Table.Cell>{skill.required ? 'Must-have' : 'Nice-to-have'}</Table.Cell>
              <Table.Cell>{skillLevelLabel(skill.wantedLevel)}</Table.Cell>
              <Table.Cell>{skill.yourLevel === 0 ? 'Not held' : skillLevelLabel(skill.yourLevel)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {development && (
        <>
          <h2>Who could mentor you</h2>
          {development.mentors.length === 0 ? (
            <p>No fully qualified colleague has time on this request yet.</p>
          ) : (
            <ul className="nhsuk-list nhsuk-list--bullet">
              {development.mentors.map((mentor) => (
                <li key={mentor.analystId}>
                  <Link to={`${sections.analysts.path}/${mentor.analystId}`}>{mentor.name}</Link>, {development.skillName} at{' '}
                  {skillLevelLabel(mentor.level)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <div className="nhsuk-inset-text" role="status">
        <p>
          {opportunity.interested
            ? 'You have told matching you are interested. It counts as a preference, never against fairness or anyone’s capacity.'
            : 'Interested? Matching takes your interest into account the next time it runs.'}
        </p>
      </div>
      <Button type="button" secondary={opportunity.interested} disabled={busy} onClick={toggleInterest}>
        {opportunity.interested ? 'Withdraw interest' : 'Express interest'}
      </Button>
      <p>
        <Link to={sections.opportunities.path}>Back to all opportunities</Link>
      </p>
    </>
  );
}
