import { Footer, Header, SkipLink } from 'nhsuk-react-components';
import type { FormEvent } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { CHANGE_PASSWORD_PATH, roleLabels, sectionsFor, type Section } from '../sections.ts';
import { useSession } from '../session/SessionProvider.tsx';

// The header finds its account and navigation parts by component type, so they are its direct children here.
export function Layout() {
  const { me, signOut } = useSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();

  async function handleSignOut(event: FormEvent) {
    event.preventDefault();
    await signOut();
    navigate('/sign-in');
  }

  return (
    <>
      <SkipLink />
      {/* Remount per user: the header script keeps the navigation items it found when it started. */}
      <Header key={me ? `${me.id}:${me.role}` : 'signed-out'} service={{ text: 'Analyst Pool', href: '/' }} logo={{ href: '/' }}>
        {me && (
          <Header.Account aria-label="Your account">
            <Header.AccountItem icon>
              {me.name}
              <span className="app-header__role">{roleLabels[me.role]}</span>
            </Header.AccountItem>
            <Header.AccountItem href={CHANGE_PASSWORD_PATH} asElement={Link} to={CHANGE_PASSWORD_PATH}>
              Change your password
            </Header.AccountItem>
            <Header.AccountItem as="button" type="submit" formProps={{ onSubmit: handleSignOut }}>
              Sign out
            </Header.AccountItem>
          </Header.Account>
        )}
        {/* Someone with a temporary password may go nowhere until they have chosen their own. */}
        {me && !me.passwordChangeRequired && (
          <Header.Navigation aria-label="Main">
            {sectionsFor(me.role).map((section) => (
              <Header.NavigationItem
                key={section.path}
                asElement={Link}
                to={section.path}
                current={pathname === section.path}
                active={isWithin(section, pathname) && pathname !== section.path}
              >
                {section.label}
              </Header.NavigationItem>
            ))}
          </Header.Navigation>
        )}
      </Header>
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent">
          <Outlet />
        </main>
      </div>
      <Footer>
        <Footer.Meta>
          <p className="nhsuk-body-s">Analyst Pool shares analysts fairly across the partners of an integrated care system.</p>
          <Footer.Copyright>© Analyst Pool</Footer.Copyright>
        </Footer.Meta>
      </Footer>
    </>
  );
}

function isWithin(section: Section, pathname: string): boolean {
  return section.path === '/' ? pathname === '/' : pathname === section.path || pathname.startsWith(`${section.path}/`);
}
