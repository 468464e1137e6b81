import { NavLink } from 'react-router';
import './allocations.css';

const links = [
  { to: '/allocations', label: 'Proposals board' },
  { to: '/allocations/timeline', label: 'Timeline' },
] as const;

/** The workforce lead's two views of allocations; the current one is marked for assistive technology too. */
export function AllocationsNavigation() {
  return (
    <nav className="app-subnav" aria-label="Allocations">
      <ul className="app-subnav__list">
        {links.map((link) => (
          <li key={link.to} className="app-subnav__item">
            <NavLink end to={link.to} className="app-subnav__link">
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
