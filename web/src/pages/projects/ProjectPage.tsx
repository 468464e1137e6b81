import { SummaryList, Table } from 'nhsuk-react-components';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { SkillTags } from '../../components/SkillTags.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { dateLabel, fteLabel, plural, sentenceCase, weekCount } from '../../format.ts';
import { graphql, type ResultOf } from '../../graphql.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';

export const ProjectQuery = graphql(`
  query Project($id: ID!) {
    project(id: $id) {
      id
      title
      purpose
      expectedBenefit
      status
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
        requiredSkills { minLevel skill { id name } }
        desiredSkills { minLevel skill { id name } }
      }
    }
  }
`);

type Project = NonNullable<ResultOf<typeof ProjectQuery>['project']>;
type ProjectRequest = Project['requests'][number];

export function ProjectPage() {
  const { id = '' } = useParams();
  const query = useQuery({ query: ProjectQuery, variables: { id } });

  return (
    <QueryStates query={query} heading="Project" loading="Loading the project…" what="this project">
      {({ project }) =>
        project ? (
          <>
            <PageHeading caption={project.organisation.name}>{project.title}</PageHeading>
            <ProjectSummary project={project} />
            <h2>Requests</h2>
            {project.requests.length === 0 ? <p>This project has no requests for analyst time yet.</p> : <Requests requests={project.requests} />}
          </>
        ) : (
          <NotFoundPage heading="Project not found" explanation="This project does not exist or is not visible to you." />
        )
      }
    </QueryStates>
  );
}

function ProjectSummary({ project }: { project: Project }) {
  return (
    <SummaryList>
      <SummaryList.Row>
        <SummaryList.Key>Status</SummaryList.Key>
        <SummaryList.Value>
          <StatusTag status={project.status} />
        </SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>Purpose</SummaryList.Key>
        <SummaryList.Value>{project.purpose}</SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>Expected benefit</SummaryList.Key>
        <SummaryList.Value>{project.expectedBenefit}</SummaryList.Value>
      </SummaryList.Row>
    </SummaryList>
  );
}

function Requests({ requests }: { requests: readonly ProjectRequest[] }) {
  return (
    <Table responsive firstCellIsHeader caption="Requests for analyst time" captionProps={{ size: 's' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Request</Table.Cell>
          <Table.Cell>Skills</Table.Cell>
          <Table.Cell>Time</Table.Cell>
          <Table.Cell>Weeks</Table.Cell>
          <Table.Cell>Status</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {requests.map((request) => (
          <Table.Row key={request.id}>
            <Table.Cell>
              {request.title}
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
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
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
