import { Button } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { SummaryRows } from '../../components/SummaryRows.tsx';
import { graphql, type ResultOf } from '../../graphql.ts';
import { roleLabels } from '../../sections.ts';
import { useSignedInUser } from '../../session/SessionProvider.tsx';
import { Notice } from '../allocations/Notice.tsx';
import { ProblemSummary } from '../allocations/ProblemSummary.tsx';
import type { Problem } from '../allocations/problems.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { formProblemsOf } from '../projects/formProblems.ts';
import { accountStateLabel, lastSignInLabel } from './accountLabels.ts';

export const UserQuery = graphql(`
  query User($id: ID!) {
    user(id: $id) { id email name role disabled passwordChangeRequired lastSignInAt organisation { id name } analyst { id name } }
  }
`);

export const SetUserDisabledMutation = graphql(`
  mutation SetUserDisabled($id: ID!, $disabled: Boolean!) {
    setUserDisabled(id: $id, disabled: $disabled) { id disabled }
  }
`);

type User = NonNullable<ResultOf<typeof UserQuery>['user']>;

/** One account: its access and state, with the changes a workforce lead can make. */
export function UserPage() {
  const { id = '' } = useParams();
  const query = useQuery({ query: UserQuery, variables: { id } });

  return (
    <QueryStates query={query} heading="User" loading="Loading the user…" what="the user">
      {({ user }) => (user ? <Account user={user} /> : <NotFoundPage heading="User not found" explanation="There is no user with this address in your ICS." />)}
    </QueryStates>
  );
}

function Account({ user }: { user: User }) {
  const me = useSignedInUser();
  const { state } = useLocation() as { state: { notice?: string } | null };
  const [notice, setNotice] = useState(state?.notice ?? '');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [, setDisabled] = useMutation(SetUserDisabledMutation);
  const own = me.id === user.id;

  async function toggle() {
    const result = await setDisabled({ id: user.id, disabled: !user.disabled });
    setProblems(result.error ? formProblemsOf(result.error, 'account').problems : []);
    if (result.data) setNotice(result.data.setUserDisabled.disabled ? `${user.name} can no longer sign in, and has been signed out.` : `${user.name} can sign in again.`);
  }

  return (
    <>
      <ProblemSummary problems={problems} />
      <PageHeading caption={roleLabels[user.role]} documentTitle={problems.length > 0 ? `Error: ${user.name}` : user.name}>
        {user.name}
      </PageHeading>
      {notice && <Notice>{notice}</Notice>}
      <SummaryRows
        rows={[
          ['Email address', user.email],
          ['Role', roleLabels[user.role]],
          ['Organisation', user.organisation?.name ?? 'None'],
          ['Analyst', user.analyst ? <Link to={`/analysts/${user.analyst.id}`}>{user.analyst.name}</Link> : 'None'],
          ['Account', accountStateLabel(user)],
          ['Last signed in', lastSignInLabel(user.lastSignInAt)],
        ]}
      />
      {own ? (
        <p>
          This is your own account: another workforce lead changes its role or disables it. <Link to="/account/password">Change your password</Link>.
        </p>
      ) : (
        <>
          <h2>Change this account</h2>
          <ul className="nhsuk-list">
            <li>
              <Link to={`/users/${user.id}/access`}>Change role or organisation</Link>
            </li>
            <li>
              <Link to={`/users/${user.id}/password`}>Reset password</Link>
            </li>
          </ul>
          <Button warning={!user.disabled} type="button" onClick={toggle}>
            {user.disabled ? 'Enable account' : 'Disable account'}
          </Button>
        </>
      )}
      <p>
        <Link to="/users">All users</Link>
      </p>
    </>
  );
}
