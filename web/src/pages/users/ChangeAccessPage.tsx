import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { QueryStates } from '../../components/QueryStates.tsx';
import { graphql, type ResultOf } from '../../graphql.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { RecordForm } from '../projects/RecordForm.tsx';
import { useFormValues } from '../projects/useFormValues.ts';
import { AccessFields, accessInput, accessProblems, type AccessValues } from './AccessFields.tsx';

export const UserAccessQuery = graphql(`
  query UserAccess($id: ID!) {
    user(id: $id) { id name role organisation { id } analyst { id name organisation { id } } }
  }
`);

export const UpdateUserAccessMutation = graphql(`
  mutation UpdateUserAccess($id: ID!, $input: UserAccessInput!) {
    updateUserAccess(id: $id, input: $input) { id role organisation { id name } analyst { id name } }
  }
`);

type User = NonNullable<ResultOf<typeof UserAccessQuery>['user']>;

/** A workforce lead changes an account's role, organisation and linked analyst; the person is signed out. */
export function ChangeAccessPage() {
  const { id = '' } = useParams();
  const query = useQuery({ query: UserAccessQuery, variables: { id } });

  return (
    <QueryStates query={query} heading="Change role or organisation" loading="Loading the user…" what="the user">
      {({ user }) => (user ? <AccessForm user={user} /> : <NotFoundPage heading="User not found" explanation="There is no user with this address in your ICS." />)}
    </QueryStates>
  );
}

function AccessForm({ user }: { user: User }) {
  const initial: AccessValues = { role: user.role, organisationId: user.organisation?.id ?? '', analystId: user.analyst?.id ?? '' };
  const { values, set } = useFormValues({ access: initial });
  const [, updateAccess] = useMutation(UpdateUserAccessMutation);
  const navigate = useNavigate();

  async function save() {
    const result = await updateAccess({ id: user.id, input: accessInput(values.access) });
    if (result.data) navigate(`/users/${user.id}`, { state: { notice: `Role and organisation saved. ${user.name} has been signed out and will sign in again with them.` } });
    return result.error;
  }

  return (
    <RecordForm
      what="account"
      heading="Change role or organisation"
      caption={user.name}
      submitLabel="Save"
      backTo={`/users/${user.id}`}
      check={() => accessProblems(values.access)}
      save={save}
    >
      {(problemFor) => <AccessFields values={values.access} onChange={(access) => set('access', access)} problemFor={problemFor} currentAnalyst={user.analyst} />}
    </RecordForm>
  );
}
