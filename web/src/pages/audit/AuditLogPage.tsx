import { Table } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { PagedResults, useCursorPage } from '../../components/CursorPagination.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { graphql, type ResultOf } from '../../graphql.ts';
import { ProblemSummary } from '../allocations/ProblemSummary.tsx';
import type { Problem } from '../allocations/problems.ts';
import { AuditFilters } from './AuditFilters.tsx';
import { auditEventFilter, readAuditFields, type AuditFilterFields } from './auditFilter.ts';
import { actionLabel, entityPath, entityTypeLabel, valueLabel } from './auditLabels.ts';

export const AuditLogQuery = graphql(`
  query AuditLog($first: Int!, $after: String, $filter: AuditEventFilter) {
    auditEvents(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          action
          entityType
          entityId
          createdAt
          actor { id name }
          changes { field before after }
        }
      }
    }
  }
`);

type AuditEvent = ResultOf<typeof AuditLogQuery>['auditEvents']['edges'][number]['node'];

const pageSize = 25;

const timestamp = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

/** Every change in the ICS, newest first: who did what to which record, and what changed. */
export function AuditLogPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const fields = readAuditFields(searchParams);
  const [problems, setProblems] = useState<Problem[]>([]);

  return (
    <>
      <ProblemSummary problems={problems} />
      <PageHeading documentTitle={problems.length > 0 ? 'Error: Audit log' : undefined}>Audit log</PageHeading>
      <p className="nhsuk-lede-text">Every change made in the service, newest first. Times are in UTC.</p>
      <p>
        Opening someone’s profile changes nothing, so it is not listed here: see <Link to="/audit/profile-views">who viewed which profile</Link>.
      </p>
      <AuditFilters fields={fields} problems={problems} onProblems={setProblems} onApply={setSearchParams} />
      <AuditEvents fields={fields} />
    </>
  );
}

function AuditEvents({ fields }: { fields: AuditFilterFields }) {
  const { after } = useCursorPage();
  const query = useQuery({ query: AuditLogQuery, variables: { first: pageSize, after, filter: auditEventFilter(fields) } });

  return (
    <QueryStates query={query} loading="Loading the audit log…" what="the audit log">
      {({ auditEvents }) =>
        auditEvents.edges.length === 0 ? (
          <p>No changes match these filters.</p>
        ) : (
          <PagedResults connection={auditEvents} pageSize={pageSize} noun={['change', 'changes']}>
            <AuditTable events={auditEvents.edges.map(({ node }) => node)} />
          </PagedResults>
        )
      }
    </QueryStates>
  );
}

function AuditTable({ events }: { events: readonly AuditEvent[] }) {
  const { pageNumber } = useCursorPage();
  return (
    <Table responsive caption={`Changes, page ${pageNumber}`} captionProps={{ size: 'm' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>When</Table.Cell>
          <Table.Cell>Who</Table.Cell>
          <Table.Cell>What</Table.Cell>
          <Table.Cell>Record</Table.Cell>
          <Table.Cell>Changes</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {events.map((event) => {
          const path = entityPath(event.entityType, event.entityId);
          return (
            <Table.Row key={event.id}>
              <Table.Cell>{timestamp.format(new Date(event.createdAt))}</Table.Cell>
              <Table.Cell>{event.actor?.name ?? 'The service'}</Table.Cell>
              <Table.Cell>{actionLabel(event.action)}</Table.Cell>
              <Table.Cell>
                {entityTypeLabel(event.entityType)}
                <span className="nhsuk-body-s app-secondary-text">
                  {path ? <Link to={path}>{event.entityId}</Link> : event.entityId}
                </span>
              </Table.Cell>
              <Table.Cell>
                {event.changes.length === 0 ? (
                  'No field changed'
                ) : (
                  <ul className="nhsuk-list nhsuk-body-s">
                    {event.changes.map((change) => (
                      <li key={change.field}>
                        {change.field}: from {valueLabel(change.before)} to {valueLabel(change.after)}
                      </li>
                    ))}
                  </ul>
                )}
              </Table.Cell>
            </Table.Row>
          );
        })}
      </Table.Body>
    </Table>
  );
}
