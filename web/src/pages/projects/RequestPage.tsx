import { Button, Table } from 'nhsuk-react-components';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SkillTags } from '../../components/SkillTags.tsx';
import { SummaryRows } from '../../components/SummaryRows.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { dateLabel, fteLabel, plural, sentenceCase, weekCount } from '../../format.ts';
import { graphql, type ResultOf } from '../../graphql.ts';
import { ConfirmCancel, useRecordActions } from './RecordActions.tsx';
import { RecordPage } from './RecordPage.tsx';
import './projects.css';

export const RequestDetailQuery = graphql(`
  query RequestDetail($id: ID!) {
    request(id: $id) {
      id
      title
      description
      fte
      startWeek
      endWeek
      priority
      openToDevelopment
      status
      version
      submittedAt
      editable
      cancellable
      viewerCanManage
      project { id title organisation { id name } }
      requiredSkills { minLevel skill { id name } }
      desiredSkills { minLevel skill { id name } }
      allocations { id status fte startWeek endWeek kind analyst { id name } }
    }
  }
`);

export const SubmitRequestMutation = graphql(`
  mutation SubmitRequest($id: ID!, $version: Int!) {
    submitRequest(id: $id, version: $version) { id status version submittedAt editable project { id status } }
  }
`);

export const CancelRequestMutation = graphql(`
  mutation CancelRequest($id: ID!, $version: Int!) {
    cancelRequest(id: $id, version: $version) { id status version editable cancellable allocations { id status } }
  }
`);

type RequestDetail = NonNullable<ResultOf<typeof RequestDetailQuery>['request']>;

/** One request: what it asks for, the analysts proposed or working on it, and what its managers can do. */
export function RequestPage() {
  return (
    <RecordPage what="request" query={RequestDetailQuery} found={({ request }) => request}>
      {(request, reload) => <Request request={request} reload={reload} />}
    </RecordPage>
  );
}

function Request({ request, reload }: { request: RequestDetail; reload: () => void }) {
  const actions = useRecordActions(reload);
  const [, submitRequest] = useMutation(SubmitRequestMutation);
  const [, cancelRequest] = useMutation(CancelRequestMutation);
  const variables = { id: request.id, version: request.version };
  const live = request.allocations.filter(({ status }) => ['PROPOSED', 'ACCEPTED', 'ACTIVE'].includes(status)).length;

  return (
    <>
      {actions.summary}
      <PageHeading caption={request.project.title} documentTitle={actions.failed ? `Error: ${request.title}` : request.title}>
        {request.title}
      </PageHeading>
      {request.description && <p className="nhsuk-lede-text">{request.description}</p>}
      <RequestSummary request={request} />
      {request.viewerCanManage && (
        <div className="app-actions">
          {request.editable && (
            <p>
              <Link to={`/requests/${request.id}/edit`}>
                Change the request
              </Link>
            </p>
          )}
          {request.status === 'DRAFT' && (
            <Button type="button" disabled={actions.running} onClick={() => actions.run('request', async () => (await submitRequest(variables)).error)}>
              Submit to the pool
            </Button>
          )}
          {request.cancellable && (
            <ConfirmCancel
              what="request"
              disabled={actions.running}
              consequence={
                live > 0
                  ? `${plural(live, 'analyst allocation')} on it will be withdrawn and the analysts’ time released.`
                  : 'No analyst has been proposed for it yet.'
              }
              onConfirm={() => actions.run('request', async () => (await cancelRequest(variables)).error)}
            />
          )}
        </div>
      )}
      <h2>Analysts</h2>
      {request.allocations.length > 0 ? <Allocations request={request} /> : <NoAllocations request={request} />}
      <p>
        <Link to={`/projects/${request.project.id}`}>Back to the project {request.project.title}</Link>
      </p>
    </>
  );
}

/** Allocations are listed only to those involved, so an empty list means "none yet" only to those who manage the request. */
function NoAllocations({ request }: { request: RequestDetail }) {
  return request.viewerCanManage ? (
    <p>No analyst has been proposed for this request yet.</p>
  ) : (
    <p>Only the requesting organisation, workforce leads and the analysts involved see who works on this request.</p>
  );
}

function RequestSummary({ request }: { request: RequestDetail }) {
  const rows: [string, ReactNode][] = [
    ['Status', <StatusTag status={request.status} />],
    ['Organisation', request.project.organisation.name],
    ['Must-have skills', <SkillTags skills={request.requiredSkills.map(({ skill, minLevel }) => ({ skill, level: minLevel }))} orAbove />],
    [
      'Desired skills',
      request.desiredSkills.length > 0 ? <SkillTags skills={request.desiredSkills.map(({ skill, minLevel }) => ({ skill, level: minLevel }))} orAbove /> : 'None',
    ],
    ['Time', `${fteLabel(request.fte)} a week`],
    ['Weeks', `${plural(weekCount(request.startWeek, request.endWeek), 'week')}, ${dateLabel(request.startWeek)} to ${dateLabel(request.endWeek)}`],
    ['Priority', sentenceCase(request.priority)],
    ['Development placements', request.openToDevelopment ? 'Open to a development placement, with a mentor' : 'Fully skilled analysts only'],
    ['Submitted', request.submittedAt ? dateLabel(request.submittedAt.slice(0, 10)) : 'Not yet: a draft only you and workforce leads can see'],
  ];
  return <SummaryRows rows={rows} />;
}

function Allocations({ request }: { request: RequestDetail }) {
  return (
    <Table responsive firstCellIsHeader caption="Analysts proposed for or working on this request" captionProps={{ size: 's' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Analyst</Table.Cell>
          <Table.Cell>Time</Table.Cell>
          <Table.Cell>Weeks</Table.Cell>
          <Table.Cell>Kind</Table.Cell>
          <Table.Cell>Status</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {request.allocations.map((allocation) => (
          <Table.Row key={allocation.id}>
            <Table.Cell>
              <Link to={`/analysts/${allocation.analyst.id}`}>{allocation.analyst.name}</Link>
            </Table.Cell>
            <Table.Cell>{fteLabel(allocation.fte)} a week</Table.Cell>
            <Table.Cell>
              {dateLabel(allocation.startWeek)} to {dateLabel(allocation.endWeek)}
            </Table.Cell>
            <Table.Cell>{sentenceCase(allocation.kind)}</Table.Cell>
            <Table.Cell>
              <StatusTag status={allocation.status} />
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
