import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading.tsx';
import { roleAudiences } from '../sections.ts';
import type { Role } from '../session/SessionProvider.tsx';

const eitherOf = new Intl.ListFormat('en-GB', { type: 'disjunction' });

export function NotAllowedPage({ roles }: { roles: readonly Role[] }) {
  const audience = eitherOf.format(roles.map((role) => roleAudiences[role]));
  return (
    <>
      <PageHeading>You do not have access to this page</PageHeading>
      <p>This part of Analyst Pool is for {audience}.</p>
      <p>
        <Link to="/">Go to the Analyst Pool home page</Link>
      </p>
    </>
  );
}
