import { Navigate, NavLink, Outlet } from 'react-router';
import { useSignedInUser } from '../../session/SessionProvider.tsx';
import { insightPagesFor } from './insightPages.ts';
import '../allocations/allocations.css';

/** The reports the signed-in person may open, above whichever one is open; the current one is marked. */
export function InsightLayout() {
  const { role } = useSignedInUser();
  return (
    <>
      <nav className="app-subnav" aria-label="Insight">
        <ul className="app-subnav__list">
          {insightPagesFor(role).map((page) => (
            <li key={page.path} className="app-subnav__item">
              <NavLink end to={page.path} className="app-subnav__link">
                {page.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}

/** /insight opens the first report the person may see. */
export function InsightIndex() {
  const { role } = useSignedInUser();
  return <Navigate to={insightPagesFor(role)[0]!.path} replace />;
}
