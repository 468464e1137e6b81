import type { Role } from './session/SessionProvider.tsx';

export interface Section {
  path: string;
  label: string;
  roles: readonly Role[];
}

const everyone: readonly Role[] = ['WORKFORCE_LEAD', 'ORGANISATION_LEAD', 'ANALYST'];

/** The top-level areas of the service and who may use them; navigation and routes both read this. */
export const sections: Record<'home' | 'analysts' | 'organisations' | 'projects', Section> = {
  home: { path: '/', label: 'Home', roles: everyone },
  analysts: { path: '/analysts', label: 'Analysts', roles: everyone },
  organisations: { path: '/organisations', label: 'Organisations', roles: ['WORKFORCE_LEAD'] },
  projects: { path: '/projects', label: 'Projects', roles: everyone },
};

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
