import { WarningCallout } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { QueryStates } from '../../components/QueryStates.tsx';
import { dateLabel, fteLabel } from '../../format.ts';
import { graphql, type ResultOf } from '../../graphql.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { RecordForm } from '../projects/RecordForm.tsx';

export const CancelLeavingQuery = graphql(`
  query CancelLeaving($id: ID!) {
    analyst(id: $id) {
      id
      name
      version
      leftOn
      canCancelLeaving
      organisation { id name }
      recordedLeavingChanges {
        outcome
        endWeek
        allocation { id fte startWeek endWeek status request { id title project { id organisation { id name } } } }
      }
    }
  }
`);

export const CancelAnalystLeavingMutation = graphql(`
  mutation CancelAnalystLeaving($input: CancelAnalystLeavingInput!) {
    cancelAnalystLeaving(input: $input) {
      id
      status
      leftOn
      anonymisationDueOn
      canRecordLeaving
      canCancelLeaving
      version
      recordedLeavingChanges {
        outcome
        endWeek
        allocation { id fte startWeek endWeek status request { id title project { id organisation { id name } } } }
      }
    }
  }
`);

type Analyst = NonNullable<ResultOf<typeof CancelLeavingQuery>['analyst']>;
type Changes = NonNullable<Analyst['recordedLeavingChanges']>;

/** The home organisation lead or a workforce lead cancels a leaving recorded for a day still ahead. */
export function CancelLeavingPage() {
  const { id = '' } = useParams();
  const query = useQuery({ query: CancelLeavingQuery, variables: { id } });
  const [cancelled, setCancelled] = useState<{ name: string; notRestored: Changes } | null>(null);

  if (cancelled) return <Cancelled analystId={id} {...cancelled} />;
  return (
    <QueryStates query={query} heading="Cancel leaving" loading="Loading the analyst…" what="the analyst">
      {({ analyst }) =>
        analyst?.canCancelLeaving && analyst.leftOn ? (
          <CancelForm
            analyst={{ ...analyst, leftOn: analyst.leftOn }}
            onCancelled={(notRestored) => setCancelled({ name: analyst.name, notRestored })}
            onReload={() => query[1]({ requestPolicy: 'network-only' })}
          />
        ) : (
          <NotFoundPage
            heading="You cannot cancel this analyst’s leaving"
            explanation="Only a lead of the analyst’s own organisation or a workforce lead cancels a leaving, and only before the day they leave."
          />
        )
      }
    </QueryStates>
  );
}

function CancelForm({
  analyst,
  onCancelled,
  onReload,
}: {
  analyst: Analyst & { leftOn: string };
  onCancelled: (notRestored: Changes) => void;
  onReload: () => void;
}) {
  const [, cancelLeaving] = useMutation(CancelAnalystLeavingMutation);

  async function save() {
    const result = await cancelLeaving({ input: { analystId: analyst.id, version: analyst.version } });
    if (result.data) onCancelled(result.data.cancelAnalystLeaving.recordedLeavingChanges ?? []);
    return result.error;
  }

  return (
    <RecordForm
      what="analyst"
      heading={`Cancel ${analyst.name}’s leaving`}
      caption={analyst.organisation.name}
      submitLabel="Cancel leaving"
      cancelLabel="Keep the leaving day"
      backTo={`/analysts/${analyst.id}`}
      save={save}
      onReload={onReload}
    >
      {() => (
        <>
          <p>
            {analyst.name} is recorded as leaving on {dateLabel(analyst.leftOn)}. Cancel it if they are staying after all: they stay in the
            pool, keep their access, and matching can propose them again for any week.
          </p>
          <WarningCallout>
            <WarningCallout.Heading>What cancelling does not undo</WarningCallout.Heading>
            <NotRestored changes={analyst.recordedLeavingChanges ?? []} />
          </WarningCallout>
        </>
      )}
    </RecordForm>
  );
}

function Cancelled({ analystId, name, notRestored }: { analystId: string; name: string; notRestored: Changes }) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <div className="nhsuk-panel nhsuk-panel--confirmation" role="status">
          <h1 className="nhsuk-panel__title">Leaving cancelled</h1>
          <div className="nhsuk-panel__body">{name} stays in the pool.</div>
        </div>
        <h2>Allocations to propose again</h2>
        <NotRestored changes={notRestored} />
        <p>
          <Link to={`/analysts/${analystId}`}>Back to {name}’s profile</Link>
        </p>
      </div>
    </div>
  );
}

/** What recording the leaving ended or withdrew: cancelling leaves these as they are. */
function NotRestored({ changes }: { changes: Changes }) {
  if (changes.length === 0) return <p>Recording the leaving ended or withdrew none of their allocations, so there is nothing to put back.</p>;
  return (
    <>
      <p>These allocations were ended or withdrawn when the leaving was recorded. They are not restored automatically: propose them again if the work still needs this analyst.</p>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {changes.map(({ outcome, endWeek, allocation }) => (
          <li key={allocation.id}>
            <Link to={`/projects/${allocation.request.project.id}`}>“{allocation.request.title}”</Link> for{' '}
            {allocation.request.project.organisation.name}, {fteLabel(allocation.fte)} from {dateLabel(allocation.startWeek)}:{' '}
            {outcome === 'END' && endWeek ? `ended in the week of ${dateLabel(endWeek)}` : 'withdrawn'}
          </li>
        ))}
      </ul>
    </>
  );
}
