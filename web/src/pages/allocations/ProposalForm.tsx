import { Button, Radios, Table, TextInput } from 'nhsuk-react-components';
import { useDeferredValue, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { dateLabel, fteLabel, percentLabel, skillLevelLabel, weeksLabel } from '../../format.ts';
import { graphql, type ResultOf } from '../../graphql.ts';
import { fieldProblem } from './ProblemSummary.tsx';
import type { Problem } from './problems.ts';
import { proposalFieldIds, readProposal, type ProposalFields, type ProposalInput } from './proposalFields.ts';

export const ProposalCandidatesQuery = graphql(`
  query ProposalCandidates($requestId: ID!) {
    request(id: $requestId) {
      id
      title
      fte
      startWeek
      endWeek
      status
      organisation { id name }
      requiredSkills { minLevel skill { id name } }
    }
    candidates(requestId: $requestId) {
      analyst { id name }
      rank
      score
      kind
      availableFte
      explanation
    }
  }
`);

export const AllocationCheckQuery = graphql(`
  query AllocationCheck($input: AllocationCheckInput!) {
    allocationCheck(input: $input) {
      fits
      kind
      problems
      skills { skillId skillName minLevel analystLevel met }
      weeks { week remainingFte requestedFte fits }
    }
  }
`);

type ProposalContext = ResultOf<typeof ProposalCandidatesQuery>;
export type ProposalRequest = NonNullable<ProposalContext['request']>;
type Candidate = ProposalContext['candidates'][number];

interface ProposalFormProps {
  request: ProposalRequest;
  candidates: readonly Candidate[];
  initial: ProposalFields;
  /** When changing a proposal: its analyst (offered even though ranking leaves them out) and its id. */
  current?: { allocationId: string; analyst: { id: string; name: string } };
  submitLabel: string;
  submitting: boolean;
  problems: readonly Problem[];
  onProblems: (problems: Problem[]) => void;
  onSubmit: (input: ProposalInput) => void;
}

/**
 * Analyst, time a week and weeks for a request, with the API's verdict on capacity and skills shown as
 * the fields change, before anything is saved.
 */
export function ProposalForm({ request, candidates, initial, current, submitLabel, submitting, problems, onProblems, onSubmit }: ProposalFormProps) {
  const [fields, setFields] = useState(initial);
  // Ranking leaves out whoever is already proposed on the request; the current analyst is offered on their own.
  const others = candidates.filter((option) => option.analyst.id !== current?.analyst.id);
  const update = (field: keyof ProposalFields) => (event: { target: { value: string } }) =>
    setFields((previous) => ({ ...previous, [field]: event.target.value }));
  const candidate = others.find((option) => option.analyst.id === fields.analystId);

  function chooseAnalyst(option: Candidate) {
    // A candidate's free time is the most they can take every week; start from that when it is less than asked.
    setFields((previous) => ({ ...previous, analystId: option.analyst.id, fte: String(Math.min(request.fte, option.availableFte) || request.fte) }));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { input, problems: missing } = readProposal(fields);
    if (!input) return onProblems(missing);
    onSubmit(input);
  }

  return (
    <form noValidate onSubmit={handleSubmit}>
      <Radios
        id="proposal-analysts"
        name="analyst"
        legend="Analyst"
        legendProps={{ size: 'm' }}
        hint="Eligible analysts, best match first, as the matching engine ranks them."
        error={fieldProblem(problems, proposalFieldIds.analystId)}
      >
        {current && (
          <Radios.Item
            id={proposalFieldIds.analystId}
            value={current.analyst.id}
            checked={fields.analystId === current.analyst.id}
            onChange={() => setFields((previous) => ({ ...previous, analystId: current.analyst.id }))}
            hint="Proposed now"
          >
            {current.analyst.name}
          </Radios.Item>
        )}
        {others.map((option, index) => (
          <Radios.Item
            key={option.analyst.id}
            id={!current && index === 0 ? proposalFieldIds.analystId : `${proposalFieldIds.analystId}-${option.analyst.id}`}
            value={option.analyst.id}
            checked={fields.analystId === option.analyst.id}
            onChange={() => chooseAnalyst(option)}
            hint={`Rank ${option.rank}, match ${percentLabel(option.score)}, ${fteLabel(option.availableFte)} free every week${option.kind === 'DEVELOPMENT' ? ', development placement' : ''}. ${option.explanation}`}
          >
            {option.analyst.name}
          </Radios.Item>
        ))}
      </Radios>
      {others.length === 0 && !current && <p>No analyst in the pool meets this request's must-have skills with time to spare.</p>}
      <TextInput
        id={proposalFieldIds.fte}
        label="Time a week, in FTE"
        hint={`Between 0.1 and 1, in steps of 0.1 (half a day a week). The request asks for ${fteLabel(request.fte)}.`}
        inputMode="decimal"
        width={4}
        value={fields.fte}
        onChange={update('fte')}
        error={fieldProblem(problems, proposalFieldIds.fte)}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-half">
          <TextInput
            id={proposalFieldIds.startWeek}
            label="First week"
            hint="Any day in the week."
            type="date"
            value={fields.startWeek}
            onChange={update('startWeek')}
            error={fieldProblem(problems, proposalFieldIds.startWeek)}
          />
        </div>
        <div className="nhsuk-grid-column-one-half">
          <TextInput
            id={proposalFieldIds.endWeek}
            label="Last week"
            hint={`The request runs ${weeksLabel(request.startWeek, request.endWeek)}.`}
            type="date"
            value={fields.endWeek}
            onChange={update('endWeek')}
            error={fieldProblem(problems, proposalFieldIds.endWeek)}
          />
        </div>
      </div>
      <PlacementCheck request={request} fields={fields} allocationId={current?.allocationId} analystName={candidate?.analyst.name ?? current?.analyst.name} />
      <Button type="submit" disabled={submitting}>
        {submitLabel}
      </Button>
    </form>
  );
}

interface PlacementCheckProps {
  request: ProposalRequest;
  fields: ProposalFields;
  allocationId?: string;
  analystName?: string;
}

/** The API's verdict on the placement as it stands: announced when it changes, detailed by week and skill. */
function PlacementCheck({ request, fields, allocationId, analystName }: PlacementCheckProps) {
  const { input } = readProposal(useDeferredValue(fields));
  const [{ data, error, fetching }] = useQuery({
    query: AllocationCheckQuery,
    variables: { input: { ...(input ?? { analystId: '', fte: 0, startWeek: '', endWeek: '' }), requestId: request.id, allocationId } },
    pause: !input,
  });
  const check = input ? data?.allocationCheck : undefined;

  let verdict = 'Choose an analyst, the time a week and the weeks to check them against capacity and skills.';
  if (input && fetching && !check) verdict = 'Checking capacity and skills…';
  else if (input && error) verdict = 'The check could not be made just now. Saving still checks everything.';
  else if (check?.fits) verdict = `${analystName ?? 'The analyst'} has the time and the skills for this.`;
  else if (check) verdict = `This cannot be saved as it is: ${check.problems.join(' ')}`;

  const shortWeeks = check?.weeks.filter((week) => !week.fits) ?? [];
  return (
    <section className="app-check" aria-labelledby="placement-check">
      <h2 id="placement-check" className="nhsuk-heading-s">
        Capacity and skills
      </h2>
      <p role="status" className={check && !check.fits ? 'app-check__problem' : undefined}>
        {verdict}
      </p>
      {check && shortWeeks.length > 0 && (
        <Table responsive firstCellIsHeader caption="Weeks without enough time" captionProps={{ size: 's' }}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Week of</Table.Cell>
              <Table.Cell format="numeric">Free before this</Table.Cell>
              <Table.Cell format="numeric">Asked</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {shortWeeks.map((week) => (
              <Table.Row key={week.week}>
                <Table.Cell>{dateLabel(week.week)}</Table.Cell>
                <Table.Cell format="numeric">{fteLabel(week.remainingFte)}</Table.Cell>
                <Table.Cell format="numeric">{fteLabel(week.requestedFte)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {check && check.skills.length > 0 && (
        <Table responsive firstCellIsHeader caption="Must-have skills" captionProps={{ size: 's' }}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Skill</Table.Cell>
              <Table.Cell>Needed</Table.Cell>
              <Table.Cell>Analyst's level</Table.Cell>
              <Table.Cell>Met</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {check.skills.map((skill) => (
              <Table.Row key={skill.skillId}>
                <Table.Cell>{skill.skillName}</Table.Cell>
                <Table.Cell>{skillLevelLabel(skill.minLevel)}</Table.Cell>
                <Table.Cell>{skill.analystLevel === 0 ? 'None' : skillLevelLabel(skill.analystLevel)}</Table.Cell>
                <Table.Cell>{skill.met ? 'Yes' : 'No'}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
