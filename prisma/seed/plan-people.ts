import type { Role } from '../../api/src/generated/prisma/enums.ts';
import { FEATURED_ANALYST } from './data/featured-analyst.ts';
import { organisationByKey, type OrganisationKey } from './data/organisations.ts';
import { DEMO_LOGINS } from './demo-logins.ts';
import { analystEmail, heldLevel, type PlannedAnalyst } from './plan-analysts.ts';
import type { PlannedProject, PlannedRequest } from './plan-projects.ts';
import type { Random } from './random.ts';

export interface PlannedInterest {
  readonly analystEmail: string;
  readonly projectTitle: string;
  readonly requestTitle: string;
}

export interface PlannedUser {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly organisation: OrganisationKey;
  readonly analystEmail: string | null;
}

const INTERESTED_ANALYSTS = 36;
const ANALYST_ACCOUNTS = 10;

const FEATURED_ANALYST_EMAIL = analystEmail(FEATURED_ANALYST.firstName, FEATURED_ANALYST.lastName, organisationByKey(FEATURED_ANALYST.organisation));

/**
 * Analysts show interest in submitted requests of other partners that they qualify for, or nearly qualify
 * for where the request is open to development. The featured analyst always does.
 */
export function planInterests(random: Random, analysts: readonly PlannedAnalyst[], projects: readonly PlannedProject[]): PlannedInterest[] {
  const featured = analysts.filter((analyst) => analyst.email === FEATURED_ANALYST_EMAIL);
  const others = analysts.filter((analyst) => analyst.email !== FEATURED_ANALYST_EMAIL);
  const openRequests = projects.flatMap((project) =>
    project.requests.filter((request) => request.status === 'SUBMITTED').map((request) => ({ project, request })),
  );
  return [...featured, ...random.sample(others, INTERESTED_ANALYSTS)].flatMap((analyst) => {
    const fitting = openRequests.filter(
      ({ project, request }) => project.organisation !== analyst.organisation && fits(analyst, request),
    );
    return random.sample(fitting, random.int(1, 2)).map(({ project, request }) => ({
      analystEmail: analyst.email,
      projectTitle: project.title,
      requestTitle: request.title,
    }));
  });
}

function fits(analyst: PlannedAnalyst, request: PlannedRequest): boolean {
  const stretch = request.openToDevelopment ? 1 : 0;
  return request.required.every(({ skill, minLevel }) => heldLevel(analyst.skills, skill) >= minLevel - stretch);
}

/** The demo logins, plus accounts for the first analyst of each of ten partners. */
export function planUsers(analysts: readonly PlannedAnalyst[]): PlannedUser[] {
  const demoUsers = DEMO_LOGINS.map((login) => ({
    email: login.email,
    name: login.name,
    role: login.role,
    organisation: login.organisationKey,
    analystEmail: login.role === 'ANALYST' ? FEATURED_ANALYST_EMAIL : null,
  }));
  const organisationsSeen = new Set<OrganisationKey>();
  const firstAnalystPerOrganisation = analysts.filter((analyst) => {
    if (analyst.email === FEATURED_ANALYST_EMAIL || organisationsSeen.has(analyst.organisation)) return false;
    organisationsSeen.add(analyst.organisation);
    return true;
  });
  const analystUsers = firstAnalystPerOrganisation.slice(0, ANALYST_ACCOUNTS).map((analyst) => ({
    email: analyst.email,
    name: analyst.name,
    role: 'ANALYST' as const,
    organisation: analyst.organisation,
    analystEmail: analyst.email,
  }));
  return [...demoUsers, ...analystUsers];
}
