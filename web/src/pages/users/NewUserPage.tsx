import { TextInput } from 'nhsuk-react-components';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../graphql.ts';
import { passwordHint, shortPasswordProblems } from '../account/passwordRules.ts';
import { RecordForm } from '../projects/RecordForm.tsx';
import { useFormValues } from '../projects/useFormValues.ts';
import { AccessFields, accessInput, accessProblems, type AccessValues } from './AccessFields.tsx';

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) { id }
  }
`);

const initial = { email: '', name: '', temporaryPassword: '', access: { role: '', organisationId: '', analystId: '' } as AccessValues };

/** A workforce lead creates an account; the person signs in with the temporary password and must replace it. */
export function NewUserPage() {
  const { values, set, textField } = useFormValues(initial);
  const [, createUser] = useMutation(CreateUserMutation);
  const navigate = useNavigate();

  async function save() {
    const { access, ...account } = values;
    const result = await createUser({ input: { ...account, ...accessInput(access) } });
    if (result.data) {
      navigate(`/users/${result.data.createUser.id}`, {
        state: { notice: 'Account created. Give them the temporary password in person or by phone, never with the email address.' },
      });
    }
    return result.error;
  }

  const check = () => [
    ...(values.email.trim() ? [] : [{ message: 'Enter their email address', field: 'email' }]),
    ...(values.name.trim() ? [] : [{ message: 'Enter their name', field: 'name' }]),
    ...accessProblems(values.access),
    ...shortPasswordProblems(values.temporaryPassword, 'temporaryPassword'),
  ];

  return (
    <RecordForm what="account" heading="Create a user" submitLabel="Create user" backTo="/users" check={check} save={save}>
      {(problemFor) => (
        <>
          <TextInput {...textField('email', problemFor)} type="email" label="Email address" hint="Their work email: they sign in with it." autoComplete="off" spellCheck={false} />
          <TextInput {...textField('name', problemFor)} label="Full name" autoComplete="off" />
          <AccessFields values={values.access} onChange={(access) => set('access', access)} problemFor={problemFor} />
          <TextInput
            {...textField('temporaryPassword', problemFor)}
            label="Temporary password"
            hint={`${passwordHint} They must choose their own when they first sign in.`}
            autoComplete="off"
            spellCheck={false}
            width={20}
          />
        </>
      )}
    </RecordForm>
  );
}
