import { TextInput } from 'nhsuk-react-components';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../graphql.ts';
import { useResetClient } from '../../session/ClientProvider.tsx';
import { useSignedInUser } from '../../session/SessionProvider.tsx';
import { safeReturnPath } from '../../session/returnPath.ts';
import type { Problem } from '../allocations/problems.ts';
import { RecordForm } from '../projects/RecordForm.tsx';
import { useFormValues } from '../projects/useFormValues.ts';
import { passwordHint, shortPasswordProblems } from './passwordRules.ts';

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { id passwordChangeRequired }
  }
`);

const initial = { currentPassword: '', newPassword: '', confirmPassword: '' };

function passwordProblems({ currentPassword, newPassword, confirmPassword }: typeof initial): Problem[] {
  const problems: Problem[] = [];
  if (!currentPassword) problems.push({ message: 'Enter your current password', field: 'currentPassword' });
  const short = shortPasswordProblems(newPassword, 'newPassword');
  problems.push(...short);
  if (short.length === 0 && confirmPassword !== newPassword) problems.push({ message: 'Enter the same new password twice', field: 'confirmPassword' });
  return problems;
}

/**
 * Everyone changes their own password here; someone who signed in with a temporary password is sent here
 * first and cannot go anywhere else until they have.
 */
export function ChangePasswordPage() {
  const me = useSignedInUser();
  const { values, textField } = useFormValues(initial);
  const [, changePassword] = useMutation(ChangePasswordMutation);
  const [changed, setChanged] = useState(false);
  const resetClient = useResetClient();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const temporary = Boolean(me.passwordChangeRequired);

  async function save() {
    const result = await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
    if (!result.data) return result.error;
    if (temporary) {
      // Ask again who is signed in, so the rest of the service opens up.
      resetClient();
      navigate(safeReturnPath(searchParams.get('returnTo')), { replace: true });
    } else {
      setChanged(true);
    }
    return undefined;
  }

  if (changed) {
    return (
      <div className="nhsuk-panel" role="status">
        <h1 className="nhsuk-panel__title">Your password has been changed</h1>
        <div className="nhsuk-panel__body">Any other device you were signed in on has been signed out.</div>
      </div>
    );
  }

  return (
    <RecordForm
      what="account"
      heading={temporary ? 'Choose your own password' : 'Change your password'}
      submitLabel="Change password"
      backTo="/"
      cancellable={!temporary}
      fieldOfCode={{ INVALID_CREDENTIALS: 'currentPassword' }}
      check={() => passwordProblems(values)}
      save={save}
    >
      {(problemFor) => (
        <>
          {temporary && <p className="nhsuk-lede-text">You signed in with a temporary password. Choose your own before you go on.</p>}
          <TextInput {...textField('currentPassword', problemFor)} type="password" label={temporary ? 'Temporary password' : 'Current password'} autoComplete="current-password" width={20} />
          <TextInput
            {...textField('newPassword', problemFor)}
            type="password"
            label="New password"
            hint={passwordHint}
            autoComplete="new-password"
            width={20}
          />
          <TextInput {...textField('confirmPassword', problemFor)} type="password" label="Confirm new password" autoComplete="new-password" width={20} />
        </>
      )}
    </RecordForm>
  );
}
