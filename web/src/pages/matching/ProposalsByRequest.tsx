import { Card, Tag } from 'nhsuk-react-components';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { dateLabel, fteLabel, plural, sentenceCase, skillLevelLabel } from '../../format.ts';
import type { MatchingRunResult } from './RunPage.tsx';

type Proposal = MatchingRunResult['proposals']['edges'][number]['node'];
type Explanation = NonNullable<Proposal['explanation']>;

const fitWords: Record<string, string> = {
  ABOVE: 'above the level asked',
  MEETS: 'at the level asked',
  ONE_BELOW: 'one level below',
  BELOW: 'below the level asked',
  MISSING: 'not held',
};

const boundWords: Record<string, string> = {
  DEMAND_MET: 'Everything it asked for was met',
  FAIR_SHARE: 'Held at its fair share',
  SKILL_BOTTLENECK: 'Limited by the skills available',
};

/** The run's proposals under their request, each with why the engine chose that analyst. */
interface ProposalsByRequestProps {
  runId: string;
  proposals: readonly Proposal[];
  totalCount: number;
}

export function ProposalsByRequest({ runId, proposals, totalCount }: ProposalsByRequestProps) {
  if (proposals.length === 0) return <p>This run proposed no one: no eligible analyst had time for the open requests.</p>;
  const groups = new Map<string, Proposal[]>();
  for (const proposal of proposals) groups.set(proposal.request.id, [...(groups.get(proposal.request.id) ?? []), proposal]);
  return (
    <>
      <p>
        {plural(totalCount, 'proposal')} for {plural(groups.size, 'request')}
        {totalCount > proposals.length ? ` (the first ${proposals.length} shown)` : ''}. They hold no one’s time until you
        confirm them: <Link to={`/allocations?run=${runId}`}>review, change and confirm this run’s proposals</Link>.
      </p>
      {[...groups.values()].map((group) => {
        const { request } = group[0]!;
        return (
          <section key={request.id} aria-labelledby={`request-${request.id}`} className="nhsuk-u-margin-bottom-6">
            <h3 id={`request-${request.id}`}>
              <span className="nhsuk-caption-m">{request.organisation.name}</span>
              <Link to={`/projects/${request.project.id}`}>{request.title}</Link>
            </h3>
            <p className="nhsuk-body-s app-secondary-text">
              Asks for {fteLabel(request.fte)} a week, {dateLabel(request.startWeek)} to {dateLabel(request.endWeek)}
            </p>
            {group.map((proposal) => (
              <ProposalCard key={proposal.id} proposal={proposal} />
            ))}
          </section>
        );
      })}
    </>
  );
}

function ProposalCard({ proposal }: { proposal: Proposal }) {
  const { explanation } = proposal;
  return (
    <Card>
      <Card.Heading headingLevel="h4" className="nhsuk-heading-s">
        <Link to={`/analysts/${proposal.analyst.id}`}>{proposal.analyst.name}</Link>, {fteLabel(proposal.fte)} a week{' '}
        {proposal.kind !== 'STANDARD' && <Tag modifier={proposal.kind === 'DEVELOPMENT' ? 'purple' : 'aqua-green'}>{sentenceCase(proposal.kind)}</Tag>}
      </Card.Heading>
      <p className="nhsuk-body-s app-secondary-text">
        {dateLabel(proposal.startWeek)} to {dateLabel(proposal.endWeek)}
      </p>
      {explanation ? <ExplanationDetails explanation={explanation} /> : <p>No explanation was recorded.</p>}
    </Card>
  );
}

function ExplanationDetails({ explanation }: { explanation: Explanation }) {
  const { development, nextCandidate, fairness } = explanation;
  return (
    <>
      <p>{explanation.summary}</p>
      <dl className="nhsuk-summary-list">
        <Row label="Skill fit">
          <ul className="nhsuk-list">
            {explanation.skills.map((skill) => (
              <li key={skill.skillId}>
                {skill.skillName} ({skill.kind === 'REQUIRED' ? 'must have' : 'would like'} {skillLevelLabel(skill.wantedLevel)}):{' '}
                {skill.analystLevel > 0 ? skillLevelLabel(skill.analystLevel) : 'none'}, {fitWords[skill.fit]}
              </li>
            ))}
          </ul>
        </Row>
        <Row label="Rank">
          {explanation.rank} of {plural(explanation.candidateCount, 'eligible analyst')}
          {explanation.interest ? '; asked to work on this request' : ''}
          {explanation.continuity ? `; already works for this ${explanation.continuity === 'PROJECT' ? 'project' : 'organisation'}` : ''}
        </Row>
        <Row label="Why not the next">
          {nextCandidate ? `${nextCandidate.analystName}: ${nextCandidate.reason}` : 'No other eligible analyst.'}
        </Row>
        <Row label="Fairness">
          {boundWords[fairness.bound]}. {fairness.text}
        </Row>
        {development && (
          <Row label="Development">
            Grows {development.skillName} from {skillLevelLabel(development.analystLevel)} towards {skillLevelLabel(development.targetLevel)}
            {development.mentor ? `, mentored by ${development.mentor.name}` : ''}. {development.text}
          </Row>
        )}
        {explanation.menteeCount > 0 && <Row label="Mentoring">Mentors {plural(explanation.menteeCount, 'development placement')} on this request.</Row>}
      </dl>
    </>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}
