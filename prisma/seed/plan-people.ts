import type { Role } from '../../api/src/generated/prisma/enums.ts';
import { FEATURED_ANALYST } from './data/featured-analyst.ts';
import { organisationByKey, organisationByName, type OrganisationKey } from './data/organisations.ts';
import type { SkillName } from './data/skills.ts';
import { DEMO_LOGINS } from './demo-logins.ts';
import { analystEmail, type PlannedAnalyst } from './plan-analysts.ts';
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

export function featuredAnalystEmail(): string {
  return analystEmail(FEATURED_ANALYST.firstName, FEATURED_ANALYST.lastName, organisationByKey(FEATURED_ANALYST.organisation));
}

/**
 * Analysts show interest in submitted requests of other partners that they qualify for, or nearly qualify
 * for where the request is open to development. The featured analyst always does.
 */
export function planInterests(random: Random, analysts: readonly PlannedAnalyst[], projects: readonly PlannedProject[]): PlannedInterest[] {
  const featured = analysts.filter((analyst) => analyst.email === featuredAnalystEmail());
  const others = analysts.filter((analyst) => analyst.email !== featuredAnalystEmail());
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
  const levelOf = (skill: SkillName) => analyst.skills.find((held) => held.skill === skill)?.level ?? 0;
  const stretch = request.openToDevelopment ? 1 : 0;
  return request.required.every(({ skill, minLevel }) => levelOf(skill) >= minLevel - stretch);
}

/** The demo logins, plus accounts for the first analyst of each of ten partners. */
export function planUsers(analysts: readonly PlannedAnalyst[]): PlannedUser[] {
  const demoUsers = DEMO_LOGINS.map((login) => ({
    email: login.email,
    name: login.name,
    role: login.role,
    organisation: organisationByName(login.organisation).key,
    analystEmail: login.role === 'ANALYST' ? featuredAnalystEmail() : null,
  }));
  const firstAnalystPerOrganisation = analysts.filter(
    (analyst, index) =>
      analyst.email !== featuredAnalystEmail() &&
      analysts.findIndex((other) => other.organisation === analyst.organisation && other.email !== featuredAnalystEmail()) === index,
  );
  const analystUsers = firstAnalystPerOrganisation.slice(0, ANALYST_ACCOUNTS).map((analyst) => ({
    email: analyst.email,
    name: analyst.name,
    role: 'ANALYST' as const,
    organisation: analyst.organisation,
    analystEmail: analyst.email,
  }));
  return [...demoUsers, ...analystUsers];
}
