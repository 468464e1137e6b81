import { TextInput, WarningCallout } from 'nhsuk-react-components';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Loading, LoadError, QueryStates } from '../../components/QueryStates.tsx';
import { dateLabel, fteLabel } from '../../format.ts';
import { graphql, type ResultOf } from '../../graphql.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { RecordForm } from '../projects/RecordForm.tsx';

export const AnalystLeavingQuery = graphql(`
  query AnalystLeaving($id: ID!) {
    analyst(id: $id) { id name version canRecordLeaving organisation { id name } }
  }
`);

export const LeavingPlanQuery = graphql(`
  query LeavingPlan($id: ID!, $leftOn: Date!) {
    analyst(id: $id) {
      id
      leavingPlan(leftOn: $leftOn) {
        anonymisationDueOn
        changes {
          outcome
          endWeek
          allocation { id fte startWeek endWeek request { id title project { id organisation { id name } } } }
        }
      }
    }
  }
`);

export const RecordAnalystLeavingMutation = graphql(`
  mutation RecordAnalystLeaving($input: RecordAnalystLeavingInput!) {
    recordAnalystLeaving(input: $input) { id status leftOn anonymisationDueOn canRecordLeaving version }
  }
`);

const leftOnId = 'leftOn';
const calendarDay = /^\d{4}-\d{2}-\d{2}$/;

/** The home organisation lead or a workforce lead records the day an analyst left, seeing first what it ends. */
export function RecordLeavingPage() {
  const { id = '' } = useParams();
  const query = useQuery({ query: AnalystLeavingQuery, variables: { id } });

  return (
    <QueryStates query={query} heading="Record that this analyst has left" loading="Loading the analyst…" what="the analyst">
      {({ analyst }) =>
        analyst?.canRecordLeaving ? (
          <LeavingForm analyst={analyst} onReload={() => query[1]({ requestPolicy: 'network-only' })} />
        ) : (
          <NotFoundPage
            heading="You cannot record that this analyst has left"
            explanation="Only a lead of the analyst’s own organisation or a workforce lead records leaving, once, for a current analyst."
          />
        )
      }
    </QueryStates>
  );
}

type Analyst = NonNullable<ResultOf<typeof AnalystLeavingQuery>['analyst']>;

function LeavingForm({ analyst, onReload }: { analyst: Analyst; onReload: () => void }) {
  const [leftOn, setLeftOn] = useState('');
  const [, recordLeaving] = useMutation(RecordAnalystLeavingMutation);
  const navigate = useNavigate();

  async function save() {
    const result = await recordLeaving({ input: { analystId: analyst.id, leftOn, version: analyst.version } });
    if (result.data) navigate(`/analysts/${analyst.id}`);
    return result.error;
  }

  return (
    <RecordForm
      what="analyst"
      heading={`Record that ${analyst.name} has left`}
      caption={analyst.organisation.name}
      submitLabel="Record that they have left"
      backTo={`/analysts/${analyst.id}`}
      check={() => (calendarDay.test(leftOn) ? [] : [{ message: 'Enter the day they left', field: leftOnId }])}
      save={save}
      onReload={onReload}
    >
      {(problemFor) => (
        <>
          <TextInput
            id={leftOnId}
            name={leftOnId}
            type="date"
            label="The day they left"
            hint="Today or earlier. They do no pooled work in the week they leave."
            width={10}
            value={leftOn}
            onChange={(event) => setLeftOn(event.currentTarget.value)}
            error={problemFor(leftOnId)}
          />
          {calendarDay.test(leftOn) && <WhatHappens analystId={analyst.id} leftOn={leftOn} />}
        </>
      )}
    </RecordForm>
  );
}

/** What recording the date will do, from the API's own plan, so the lead confirms knowing it. */
function WhatHappens({ analystId, leftOn }: { analystId: string; leftOn: string }) {
  const [{ data, fetching, error }, reload] = useQuery({ query: LeavingPlanQuery, variables: { id: analystId, leftOn } });
  if (fetching && !data) return <Loading>Working out what leaving on this day ends…</Loading>;
  if (error) return <LoadError error={error} what="what leaving ends" retry={() => reload({ requestPolicy: 'network-only' })} />;
  const plan = data?.analyst?.leavingPlan;
  if (!plan) return null;
  return (
    <WarningCallout>
      <WarningCallout.Heading>What will happen</WarningCallout.Heading>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {plan.changes.length === 0 && <li>None of their allocations runs past their last working week.</li>}
        {plan.changes.map(({ outcome, endWeek, allocation }) => (
          <li key={allocation.id}>
            “{allocation.request.title}” for {allocation.request.project.organisation.name}, {fteLabel(allocation.fte)} from{' '}
            {dateLabel(allocation.startWeek)}:{' '}
            {outcome === 'END' && endWeek ? `ends in the week of ${dateLabel(endWeek)}` : 'withdrawn, and the request needs someone else'}
          </li>
        ))}
        <li>Development placements they mentor end with them.</li>
        <li>They are signed out, can no longer sign in, and their calendar link stops working.</li>
        <li>They leave the directory and are no longer matched.</li>
        <li>Their personal data will be anonymised on {dateLabel(plan.anonymisationDueOn)}.</li>
      </ul>
    </WarningCallout>
  );
}
