import type { Role } from './session/SessionProvider.tsx';

export interface Section {
  path: string;
  label: string;
  roles: readonly Role[];
}

const everyone: readonly Role[] = ['WORKFORCE_LEAD', 'ORGANISATION_LEAD', 'ANALYST'];

/** The top-level areas of the service and who may use them; navigation and routes both read this. */
export const sections: Record<'home' | 'analysts' | 'organisations' | 'projects' | 'myProjects' | 'allocations' | 'matching' | 'myProfile' | 'opportunities' | 'career' | 'insight' | 'data' | 'audit' | 'users', Section> = {
  home: { path: '/', label: 'Home', roles: everyone },
  analysts: { path: '/analysts', label: 'Analysts', roles: everyone },
  organisations: { path: '/organisations', label: 'Organisations', roles: ['WORKFORCE_LEAD'] },
  projects: { path: '/projects', label: 'Projects', roles: everyone },
  myProjects: { path: '/my-projects', label: 'My projects', roles: ['WORKFORCE_LEAD', 'ORGANISATION_LEAD'] },
  allocations: { path: '/allocations', label: 'Allocations', roles: everyone },
  matching: { path: '/matching', label: 'Matching', roles: ['WORKFORCE_LEAD'] },
  myProfile: { path: '/my-profile', label: 'My profile', roles: ['ANALYST'] },
  opportunities: { path: '/opportunities', label: 'Opportunities', roles: ['ANALYST'] },
  career: { path: '/career', label: 'Careers', roles: everyone },
  insight: { path: '/insight', label: 'Insight', roles: everyone },
  data: { path: '/data', label: 'Import and export', roles: ['WORKFORCE_LEAD', 'ORGANISATION_LEAD'] },
  audit: { path: '/audit', label: 'Audit log', roles: ['WORKFORCE_LEAD'] },
  users: { path: '/users', label: 'Users', roles: ['WORKFORCE_LEAD'] },
};

/** Everyone's own password, from the header's account area; where a temporary password sends its user first. */
export const CHANGE_PASSWORD_PATH = '/account/password';

export function sectionsFor(role: Role): Section[] {
  return Object.values(sections).filter((section) => section.roles.includes(role));
}

export const roleLabels: Record<Role, string> = {
  WORKFORCE_LEAD: 'ICS workforce lead',
  ORGANISATION_LEAD: 'Organisation lead',
  ANALYST: 'Analyst',
};

export const roleAudiences: Record<Role, string> = {
  WORKFORCE_LEAD: 'ICS workforce leads',
  ORGANISATION_LEAD: 'organisation leads',
  ANALYST: 'analysts',
};
