import { Navigate, Outlet, useLocation } from 'react-router';
import { PageHeading } from '../components/PageHeading.tsx';
import { Loading, LoadError } from '../components/QueryStates.tsx';
import { CHANGE_PASSWORD_PATH, type Section } from '../sections.ts';
import { NotAllowedPage } from '../pages/NotAllowedPage.tsx';
import { useSession } from './SessionProvider.tsx';

/** Renders the nested routes for a signed-in user allowed into the section; otherwise says why not. */
export function RequireSignIn({ section }: { section?: Section }) {
  const { me, error, retry } = useSession();
  const location = useLocation();

  if (error) {
    return (
      <>
        <PageHeading>Sorry, there is a problem with the service</PageHeading>
        <LoadError error={error} what="your account" retry={retry} />
      </>
    );
  }
  if (me === undefined) return <Loading>Checking your sign-in…</Loading>;
  if (me === null) {
    const returnTo = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?returnTo=${encodeURIComponent(returnTo)}`} replace />;
  }
  if (me.passwordChangeRequired && location.pathname !== CHANGE_PASSWORD_PATH) {
    const returnTo = `${location.pathname}${location.search}`;
    return <Navigate to={`${CHANGE_PASSWORD_PATH}?returnTo=${encodeURIComponent(returnTo)}`} replace />;
  }
  if (section && !section.roles.includes(me.role)) return <NotAllowedPage roles={section.roles} />;
  return <Outlet />;
}
