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
        immediate
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
    recordAnalystLeaving(input: $input) { id status leftOn anonymisationDueOn canRecordLeaving canCancelLeaving version }
  }
`);

const leftOnId = 'leftOn';
const calendarDay = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The home organisation lead or a workforce lead records the day an analyst leaves (up to 12 months ahead) or
 * left, seeing first what it ends.
 */
export function RecordLeavingPage() {
  const { id = '' } = useParams();
  const query = useQuery({ query: AnalystLeavingQuery, variables: { id } });

  return (
    <QueryStates query={query} heading="Record that this analyst is leaving" loading="Loading the analyst…" what="the analyst">
      {({ analyst }) =>
        analyst?.canRecordLeaving ? (
          <LeavingForm analyst={analyst} onReload={() => query[1]({ requestPolicy: 'network-only' })} />
        ) : (
          <NotFoundPage
            heading="You cannot record that this analyst is leaving"
            explanation="Only a lead of the analyst’s own organisation or a workforce lead records leaving, once, for a current analyst with no leaving day recorded yet."
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
      heading={`Record that ${analyst.name} is leaving`}
      caption={analyst.organisation.name}
      submitLabel="Record the leaving day"
      backTo={`/analysts/${analyst.id}`}
      check={() => (calendarDay.test(leftOn) ? [] : [{ message: 'Enter the day they leave or left', field: leftOnId }])}
      save={save}
      onReload={onReload}
    >
      {(problemFor) => (
        <>
          <TextInput
            id={leftOnId}
            name={leftOnId}
            type="date"
            label="The day they leave or left"
            hint="Today, a day that has passed, or a day up to 12 months ahead. They do no pooled work from the week they leave in."
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
  if (fetching && !data) return <Loading>Working out what leaving on this day changes…</Loading>;
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
            {outcome === 'END' && endWeek
              ? `ends in the week of ${dateLabel(endWeek)}, and the request needs someone else after it`
              : 'withdrawn, and the request needs someone else'}
          </li>
        ))}
        <li>Development placements they mentor end with them.</li>
        {plan.immediate ? (
          <>
            <li>They are signed out, can no longer sign in, and their calendar link stops working.</li>
            <li>They leave the directory and are no longer matched.</li>
          </>
        ) : (
          <>
            <li>These changes happen now. Matching no longer proposes them from the week they leave in.</li>
            <li>
              They keep their access until {dateLabel(leftOn)}. On that day they are signed out, can no longer sign in, their calendar link
              stops working and they leave the directory.
            </li>
            <li>Until then the leaving can be cancelled from their profile; what it ended or withdrew is not restored.</li>
          </>
        )}
        <li>Their personal data will be anonymised on {dateLabel(plan.anonymisationDueOn)}.</li>
      </ul>
    </WarningCallout>
  );
}
