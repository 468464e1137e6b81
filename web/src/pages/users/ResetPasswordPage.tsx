import { TextInput } from 'nhsuk-react-components';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { QueryStates } from '../../components/QueryStates.tsx';
import { graphql, type ResultOf } from '../../graphql.ts';
import { passwordHint, shortPasswordProblems } from '../account/passwordRules.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { RecordForm } from '../projects/RecordForm.tsx';
import { useFormValues } from '../projects/useFormValues.ts';

export const UserNameQuery = graphql(`
  query UserName($id: ID!) {
    user(id: $id) { id name }
  }
`);

export const ResetUserPasswordMutation = graphql(`
  mutation ResetUserPassword($id: ID!, $temporaryPassword: String!) {
    resetUserPassword(id: $id, temporaryPassword: $temporaryPassword) { id passwordChangeRequired }
  }
`);

type User = NonNullable<ResultOf<typeof UserNameQuery>['user']>;

/** A workforce lead sets a temporary password for someone who forgot theirs. */
export function ResetPasswordPage() {
  const { id = '' } = useParams();
  const query = useQuery({ query: UserNameQuery, variables: { id } });

  return (
    <QueryStates query={query} heading="Reset password" loading="Loading the user…" what="the user">
      {({ user }) => (user ? <ResetForm user={user} /> : <NotFoundPage heading="User not found" explanation="There is no user with this address in your ICS." />)}
    </QueryStates>
  );
}

function ResetForm({ user }: { user: User }) {
  const { values, textField } = useFormValues({ temporaryPassword: '' });
  const [, resetPassword] = useMutation(ResetUserPasswordMutation);
  const navigate = useNavigate();

  async function save() {
    const result = await resetPassword({ id: user.id, temporaryPassword: values.temporaryPassword });
    if (result.data) {
      navigate(`/users/${user.id}`, {
        state: { notice: `Password reset. ${user.name} has been signed out and must choose their own password after signing in with the temporary one.` },
      });
    }
    return result.error;
  }

  return (
    <RecordForm
      what="account"
      heading="Reset password"
      caption={user.name}
      submitLabel="Reset password"
      backTo={`/users/${user.id}`}
      check={() => shortPasswordProblems(values.temporaryPassword, 'temporaryPassword')}
      save={save}
    >
      {(problemFor) => (
        <TextInput
          {...textField('temporaryPassword', problemFor)}
          label="Temporary password"
          hint={`${passwordHint} Give it to them in person or by phone.`}
          autoComplete="off"
          spellCheck={false}
          width={20}
        />
      )}
    </RecordForm>
  );
}
