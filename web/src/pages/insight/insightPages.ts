import type { Section } from '../../sections.ts';
import type { Role } from '../../session/SessionProvider.tsx';

const leads: readonly Role[] = ['WORKFORCE_LEAD', 'ORGANISATION_LEAD'];

/** The insight reports and who may open them (the fairness report is for everyone: transparency). */
export const insightPages = {
  capacity: { path: '/insight/capacity', label: 'Capacity and demand', roles: leads },
  fairness: { path: '/insight/fairness', label: 'Fairness', roles: ['WORKFORCE_LEAD', 'ORGANISATION_LEAD', 'ANALYST'] },
  utilisation: { path: '/insight/utilisation', label: 'Utilisation', roles: leads },
} as const satisfies Record<string, Section>;

export function insightPagesFor(role: Role): Section[] {
  return Object.values(insightPages).filter((page) => (page.roles as readonly Role[]).includes(role));
}
