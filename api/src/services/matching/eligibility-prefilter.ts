import type { Prisma } from '../../generated/prisma/client.ts';
import type { AnalystInput, MatchingPolicy, RequestInput } from '../../matching/types.ts';

// SQL mirrors of the engine's eligibility rule (api/src/matching/eligibility.ts), so a ranking for one
// request loads only the analysts who could take it, and one analyst's ranking only the requests they could
// take. Each is looser than the rule: it may keep a pair the engine then drops (a development candidate
// short on two skills, or with no aspiration, or with no time), but never drops one the engine keeps.
// On a request open to development, every must-have skill may be held one level below its minimum
// (or not at all when the minimum is the lowest level).

/** How many levels short of a must-have skill's minimum an analyst may be and still be considered. */
const slackOf = (openToDevelopment: boolean) => (openToDevelopment ? 1 : 0);

/** Analysts who might be eligible for the request. */
export function analystsWhoCouldTake(
  request: Pick<RequestInput, 'organisationId' | 'openToDevelopment' | 'required'>,
  policy: Pick<MatchingPolicy, 'homeRequestsDrawOnPool'>,
): Prisma.AnalystWhereInput {
  const slack = slackOf(request.openToDevelopment);
  return {
    AND: [
      ...(policy.homeRequestsDrawOnPool ? [] : [{ organisationId: { not: request.organisationId } }]),
      ...request.required
        .filter((skill) => skill.level - slack > 0)
        .map((skill) => ({ skills: { some: { skillId: skill.skillId, level: { gte: skill.level - slack } } } })),
    ],
  };
}

/** Requests the analyst might be eligible for. */
export function requestsAnalystCouldTake(
  analyst: Pick<AnalystInput, 'organisationId' | 'skills'>,
  policy: Pick<MatchingPolicy, 'homeRequestsDrawOnPool'>,
): Prisma.RequestWhereInput {
  // A must-have skill the analyst falls short of by more than the slack: one they do not hold above its
  // lowest level, or one whose minimum lies beyond their level plus the slack.
  const tooFarShort = (slack: number): Prisma.RequestSkillWhereInput => ({
    kind: 'REQUIRED',
    OR: [
      { skillId: { notIn: analyst.skills.map((skill) => skill.skillId) }, minLevel: { gt: slack } },
      ...analyst.skills.map((skill) => ({ skillId: skill.skillId, minLevel: { gt: skill.level + slack } })),
    ],
  });
  return {
    AND: [
      ...(policy.homeRequestsDrawOnPool ? [] : [{ project: { organisationId: { not: analyst.organisationId } } }]),
      {
        OR: [false, true].map((openToDevelopment) => ({
          openToDevelopment,
          skills: { none: tooFarShort(slackOf(openToDevelopment)) },
        })),
      },
    ],
  };
}
