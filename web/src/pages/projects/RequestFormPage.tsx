import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { QueryStates } from '../../components/QueryStates.tsx';
import { graphql } from '../../graphql.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { RequestForm, type RequestInputValue } from './RequestForm.tsx';
import { emptyRequest, valuesOf } from './requestFormValues.ts';

export const NewRequestQuery = graphql(`
  query NewRequest($projectId: ID!) {
    project(id: $projectId) { id title open viewerCanManage organisation { id name } }
    skills(first: 100) { edges { node { id name } } }
  }
`);

export const EditRequestQuery = graphql(`
  query EditRequest($id: ID!) {
    request(id: $id) {
      id
      title
      description
      fte
      startWeek
      endWeek
      priority
      openToDevelopment
      version
      editable
      viewerCanManage
      project { id title }
      requiredSkills { minLevel skill { id } }
      desiredSkills { minLevel skill { id } }
    }
    skills(first: 100) { edges { node { id name } } }
  }
`);

export const CreateRequestMutation = graphql(`
  mutation CreateRequest($projectId: ID!, $input: RequestInput!) {
    createRequest(projectId: $projectId, input: $input) { id project { id requestCount } }
  }
`);

export const UpdateRequestMutation = graphql(`
  mutation UpdateRequest($id: ID!, $version: Int!, $input: RequestInput!) {
    updateRequest(id: $id, version: $version, input: $input) {
      id title description fte startWeek endWeek priority openToDevelopment version editable
      requiredSkills { minLevel skill { id name } }
      desiredSkills { minLevel skill { id name } }
    }
  }
`);

const cannotChange = (heading: string, explanation: string) => <NotFoundPage heading={heading} explanation={explanation} />;

export function NewRequestPage() {
  const { id: projectId = '' } = useParams();
  const query = useQuery({ query: NewRequestQuery, variables: { projectId } });
  const [, createRequest] = useMutation(CreateRequestMutation);
  const navigate = useNavigate();

  async function save(input: RequestInputValue) {
    const result = await createRequest({ projectId, input });
    if (result.data) navigate(`/requests/${result.data.createRequest.id}`);
    return result.error;
  }

  return (
    <QueryStates query={query} heading="Add a request" loading="Loading the project…" what="the project">
      {({ project, skills }) => {
        if (!project) return cannotChange('Project not found', 'This project does not exist or is not visible to you.');
        if (!project.viewerCanManage || !project.open) {
          return cannotChange('You cannot add requests to this project', 'Only open projects of your own organisation take new requests.');
        }
        return (
          <RequestForm
            heading="Add a request"
            caption={project.title}
            initial={emptyRequest()}
            skills={skills.edges.map(({ node }) => node)}
            submitLabel="Save as draft"
            backTo={`/projects/${project.id}`}
            onSave={save}
          />
        );
      }}
    </QueryStates>
  );
}

export function EditRequestPage() {
  const { id = '' } = useParams();
  const query = useQuery({ query: EditRequestQuery, variables: { id } });
  const [, updateRequest] = useMutation(UpdateRequestMutation);
  const navigate = useNavigate();
  const reload = () => query[1]({ requestPolicy: 'network-only' });

  return (
    <QueryStates query={query} heading="Change the request" loading="Loading the request…" what="the request">
      {({ request, skills }) => {
        if (!request) return cannotChange('Request not found', 'This request does not exist or is not visible to you.');
        if (!request.viewerCanManage || !request.editable) {
          return cannotChange(
            'This request can no longer be changed',
            'A request can be changed while it is a draft, or submitted with no analyst proposed for it yet.',
          );
        }
        const save = async (input: RequestInputValue) => {
          const result = await updateRequest({ id, version: request.version, input });
          if (result.data) navigate(`/requests/${id}`);
          return result.error;
        };
        return (
          <RequestForm
            // A new version (after a reload) starts the form again from what is stored now.
            key={request.version}
            heading="Change the request"
            caption={request.project.title}
            initial={valuesOf(request)}
            skills={skills.edges.map(({ node }) => node)}
            submitLabel="Save changes"
            backTo={`/requests/${id}`}
            onSave={save}
            onReload={reload}
          />
        );
      }}
    </QueryStates>
  );
}
