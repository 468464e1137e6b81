import { Button, Table } from 'nhsuk-react-components';
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
import { SubmitRequestMutation } from './RequestPage.tsx';
import './projects.css';

export const ProjectQuery = graphql(`
  query Project($id: ID!) {
    project(id: $id) {
      id
      title
      purpose
      expectedBenefit
      status
      version
      open
      viewerCanManage
      organisation { id name }
      requests {
        id
        title
        fte
        startWeek
        endWeek
        priority
        openToDevelopment
        status
        version
        editable
        cancellable
        requiredSkills { minLevel skill { id name } }
        desiredSkills { minLevel skill { id name } }
      }
    }
  }
`);

export const CancelProjectMutation = graphql(`
  mutation CancelProject($id: ID!, $version: Int!) {
    cancelProject(id: $id, version: $version) { id status version open requests { id status cancellable } }
  }
`);

type Project = NonNullable<ResultOf<typeof ProjectQuery>['project']>;
type ProjectRequest = Project['requests'][number];

export function ProjectPage() {
  return (
    <RecordPage what="project" query={ProjectQuery} found={({ project }) => project}>
      {(project, reload) => <ProjectDetail project={project} reload={reload} />}
    </RecordPage>
  );
}

function ProjectDetail({ project, reload }: { project: Project; reload: () => void }) {
  const actions = useRecordActions(reload);
  const [, cancelProject] = useMutation(CancelProjectMutation);
  const [, submitRequest] = useMutation(SubmitRequestMutation);
  const manage = project.viewerCanManage && project.open;
  const requestActions: RequestActions | null = manage
    ? {
        running: actions.running,
        submit: (request) => actions.run('request', async () => (await submitRequest({ id: request.id, version: request.version })).error),
      }
    : null;
  const openRequests = project.requests.filter((request) => request.cancellable).length;

  return (
    <>
      {actions.summary}
      <PageHeading caption={project.organisation.name} documentTitle={actions.failed ? `Error: ${project.title}` : project.title}>
        {project.title}
      </PageHeading>
      <ProjectSummary project={project} />
      {manage && (
        <div className="app-actions">
          <p>
            <Link to={`/projects/${project.id}/edit`}>Change the project</Link>
          </p>
          <ConfirmCancel
            what="project"
            disabled={actions.running}
            consequence={`Its ${plural(openRequests, 'open request')} will be cancelled too, and analysts proposed or booked for them released.`}
            onConfirm={() => actions.run('project', async () => (await cancelProject({ id: project.id, version: project.version })).error)}
          />
        </div>
      )}
      <h2>Requests</h2>
      {project.requests.length === 0 ? <p>This project has no requests for analyst time yet.</p> : <Requests requests={project.requests} actions={requestActions} />}
      {manage && (
        <p>
          <Link className="nhsuk-button nhsuk-button--secondary" to={`/projects/${project.id}/requests/new`}>
            Add a request
          </Link>
        </p>
      )}
    </>
  );
}

function ProjectSummary({ project }: { project: Project }) {
  return (
    <SummaryRows
      rows={[
        ['Status', <StatusTag status={project.status} />],
        ['Purpose', project.purpose],
        ['Expected benefit', project.expectedBenefit],
      ]}
    />
  );
}

/** What the project's managers can do to a request from the project page; the rest is on the request's own page. */
interface RequestActions {
  running: boolean;
  submit: (request: ProjectRequest) => Promise<void>;
}

function Requests({ requests, actions }: { requests: readonly ProjectRequest[]; actions: RequestActions | null }) {
  return (
    <Table responsive firstCellIsHeader caption="Requests for analyst time" captionProps={{ size: 's' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Request</Table.Cell>
          <Table.Cell>Skills</Table.Cell>
          <Table.Cell>Time</Table.Cell>
          <Table.Cell>Weeks</Table.Cell>
          <Table.Cell>Status</Table.Cell>
          {actions && <Table.Cell>Actions</Table.Cell>}
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {requests.map((request) => (
          <Table.Row key={request.id}>
            <Table.Cell>
              <Link to={`/requests/${request.id}`}>{request.title}</Link>
              <span className="nhsuk-body-s app-secondary-text">
                {sentenceCase(request.priority)} priority{request.openToDevelopment ? ', open to development placements' : ''}
              </span>
            </Table.Cell>
            <Table.Cell>
              <SkillGroup label="Must have" skills={request.requiredSkills} />
              <SkillGroup label="Would like" skills={request.desiredSkills} />
            </Table.Cell>
            <Table.Cell>{fteLabel(request.fte)} a week</Table.Cell>
            <Table.Cell>
              {plural(weekCount(request.startWeek, request.endWeek), 'week')}, {dateLabel(request.startWeek)} to{' '}
              {dateLabel(request.endWeek)}
            </Table.Cell>
            <Table.Cell>
              <StatusTag status={request.status} />
            </Table.Cell>
            {actions && (
              <Table.Cell>
                <RequestRowActions request={request} actions={actions} />
              </Table.Cell>
            )}
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function RequestRowActions({ request, actions }: { request: ProjectRequest; actions: RequestActions }) {
  return (
    <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
      {request.editable && (
        <li>
          <Link to={`/requests/${request.id}/edit`}>
            Change <span className="nhsuk-u-visually-hidden">{request.title}</span>
          </Link>
        </li>
      )}
      {request.status === 'DRAFT' && (
        <li>
          <Button secondary small type="button" disabled={actions.running} onClick={() => actions.submit(request)}>
            Submit <span className="nhsuk-u-visually-hidden">{request.title}</span>
          </Button>
        </li>
      )}
    </ul>
  );
}

function SkillGroup({ label, skills }: { label: string; skills: ProjectRequest['requiredSkills'] }) {
  if (skills.length === 0) return null;
  return (
    <>
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{label}</p>
      <SkillTags skills={skills.map(({ skill, minLevel }) => ({ skill, level: minLevel }))} orAbove />
    </>
  );
}
