import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { QueryStates } from '../../components/QueryStates.tsx';
import { graphql } from '../../graphql.ts';
import { useSignedInUser } from '../../session/SessionProvider.tsx';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { ProjectForm, type ProjectFormValues } from './ProjectForm.tsx';

export const ProjectOrganisationsQuery = graphql(`
  query ProjectOrganisations {
    organisations(first: 100) { edges { node { id name } } }
  }
`);

export const EditProjectQuery = graphql(`
  query EditProject($id: ID!) {
    project(id: $id) { id title purpose expectedBenefit version open viewerCanManage organisation { id name } }
  }
`);

export const CreateProjectMutation = graphql(`
  mutation CreateProject($organisationId: ID, $input: ProjectInput!) {
    createProject(organisationId: $organisationId, input: $input) { id }
  }
`);

export const UpdateProjectMutation = graphql(`
  mutation UpdateProject($id: ID!, $version: Int!, $input: ProjectInput!) {
    updateProject(id: $id, version: $version, input: $input) { id title purpose expectedBenefit version }
  }
`);

const blankProject: ProjectFormValues = { title: '', purpose: '', expectedBenefit: '' };

function inputOf({ title, purpose, expectedBenefit }: ProjectFormValues) {
  return { title, purpose, expectedBenefit };
}

/** Organisation leads create projects for their own organisation; workforce leads choose one. */
export function NewProjectPage() {
  const me = useSignedInUser();
  const [, createProject] = useMutation(CreateProjectMutation);
  const navigate = useNavigate();

  async function save(values: ProjectFormValues) {
    const result = await createProject({ organisationId: values.organisationId || null, input: inputOf(values) });
    if (result.data) navigate(`/projects/${result.data.createProject.id}`);
    return result.error;
  }

  const form = (organisations?: readonly { id: string; name: string }[]) => (
    <ProjectForm
      heading="Create a project"
      caption={organisations ? undefined : me.organisation?.name}
      initial={organisations ? { ...blankProject, organisationId: '' } : blankProject}
      organisations={organisations}
      submitLabel="Create project"
      backTo="/my-projects"
      onSave={save}
    />
  );
  return me.role === 'WORKFORCE_LEAD' ? <OrganisationChoice>{form}</OrganisationChoice> : form();
}

function OrganisationChoice({ children }: { children: (organisations: readonly { id: string; name: string }[]) => ReactNode }) {
  const query = useQuery({ query: ProjectOrganisationsQuery });
  return (
    <QueryStates query={query} heading="Create a project" loading="Loading organisations…" what="the organisations">
      {({ organisations }) => children(organisations.edges.map(({ node }) => node))}
    </QueryStates>
  );
}

export function EditProjectPage() {
  const { id = '' } = useParams();
  const query = useQuery({ query: EditProjectQuery, variables: { id } });
  const [, updateProject] = useMutation(UpdateProjectMutation);
  const navigate = useNavigate();

  return (
    <QueryStates query={query} heading="Change the project" loading="Loading the project…" what="the project">
      {({ project }) => {
        if (!project) return <NotFoundPage heading="Project not found" explanation="This project does not exist or is not visible to you." />;
        if (!project.viewerCanManage || !project.open) {
          return (
            <NotFoundPage
              heading="This project cannot be changed"
              explanation="Only draft and active projects of your own organisation can be changed."
            />
          );
        }
        const save = async (values: ProjectFormValues) => {
          const result = await updateProject({ id, version: project.version, input: inputOf(values) });
          if (result.data) navigate(`/projects/${id}`);
          return result.error;
        };
        return (
          <ProjectForm
            key={project.version}
            heading="Change the project"
            caption={project.organisation.name}
            initial={{ title: project.title, purpose: project.purpose, expectedBenefit: project.expectedBenefit }}
            submitLabel="Save changes"
            backTo={`/projects/${id}`}
            onSave={save}
            onReload={() => query[1]({ requestPolicy: 'network-only' })}
          />
        );
      }}
    </QueryStates>
  );
}
