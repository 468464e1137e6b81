import type { AnalystInput, MatchingInput, Proposal, RequestInput } from './types.ts';

// Safety checks on a finished set of proposals, written from DESIGN §4 directly rather than through the
// solver's eligibility code, so a bug there cannot hide itself in the metrics that should reveal it.

/** A proposal without its explanation: all the checks and metrics look at. */
export type Placement = Omit<Proposal, 'explanation'>;

interface Lookup {
  analysts: Map<string, AnalystInput>;
  requests: Map<string, RequestInput>;
}

export function lookupOf(input: MatchingInput): Lookup {
  return {
    analysts: new Map(input.analysts.map((analyst) => [analyst.id, analyst])),
    requests: new Map(input.requests.map((request) => [request.id, request])),
  };
}

/** The proposal's analyst and request; a proposal naming neither is malformed input, not a metric. */
export function partiesOf(lookup: Lookup, proposal: Placement): { analyst: AnalystInput; request: RequestInput } {
  const analyst = lookup.analysts.get(proposal.analystId);
  const request = lookup.requests.get(proposal.requestId);
  if (!analyst) throw new Error(`Proposal names unknown analyst ${proposal.analystId}`);
  if (!request) throw new Error(`Proposal names unknown request ${proposal.requestId}`);
  return { analyst, request };
}

/** Analysts whose proposals add up to more than their capacity in at least one week. */
export function countOverCapacity(input: MatchingInput, proposals: readonly Placement[]): number {
  const lookup = lookupOf(input);
  for (const proposal of proposals) partiesOf(lookup, proposal);
  let over = 0;
  for (const [analystId, weeks] of weeklyTenths(input.weekCount, proposals, (proposal) => proposal.analystId)) {
    const capacity = lookup.analysts.get(analystId)!.capacity;
    if (weeks.some((tenths, week) => tenths > (capacity[week] ?? 0))) over += 1;
  }
  return over;
}

/** Tenths of FTE proposed in each week of the window, summed per key (an analyst, a request…). */
function weeklyTenths(weekCount: number, proposals: readonly Placement[], keyOf: (proposal: Placement) => string) {
  const load = new Map<string, number[]>();
  for (const proposal of proposals) {
    const key = keyOf(proposal);
    const weeks = load.get(key) ?? new Array<number>(weekCount).fill(0);
    load.set(key, weeks);
    for (let week = Math.max(0, proposal.startWeek); week <= Math.min(weekCount - 1, proposal.endWeek); week += 1) {
      weeks[week]! += proposal.fte;
    }
  }
  return load;
}

const levelIn = (levels: readonly { skillId: string; level: number }[], skillId: string) =>
  levels.find((entry) => entry.skillId === skillId)?.level ?? 0;

function missedSkills(analyst: AnalystInput, request: RequestInput) {
  return request.required.filter((skill) => levelIn(analyst.skills, skill.skillId) < skill.level);
}

/**
 * Proposals whose analyst misses a must-have skill, except development placements that keep the whole
 * rule: a request open to development, one skill exactly one level short that the analyst aspires to
 * grow, a fully qualified mentor proposed on the same request, and development FTE within the request's
 * share cap in every week.
 */
export function countSkillViolations(input: MatchingInput, proposals: readonly Placement[]): number {
  const lookup = lookupOf(input);
  const qualifiedOnRequest = new Set<string>();
  for (const proposal of proposals) {
    const { analyst, request } = partiesOf(lookup, proposal);
    if (proposal.kind !== 'DEVELOPMENT' && missedSkills(analyst, request).length === 0) {
      qualifiedOnRequest.add(`${analyst.id}|${request.id}`);
    }
  }
  const overDevelopmentCap = requestsOverDevelopmentCap(input, lookup, proposals);

  let violations = 0;
  for (const proposal of proposals) {
    const { analyst, request } = partiesOf(lookup, proposal);
    const missed = missedSkills(analyst, request);
    if (missed.length === 0) continue;
    const [gap] = missed;
    const keepsDevelopmentRule =
      proposal.kind === 'DEVELOPMENT' &&
      request.openToDevelopment &&
      missed.length === 1 &&
      gap !== undefined &&
      levelIn(analyst.skills, gap.skillId) === gap.level - 1 &&
      levelIn(analyst.aspirations, gap.skillId) > levelIn(analyst.skills, gap.skillId) &&
      proposal.mentorAnalystId !== null &&
      qualifiedOnRequest.has(`${proposal.mentorAnalystId}|${request.id}`) &&
      !overDevelopmentCap.has(request.id);
    if (!keepsDevelopmentRule) violations += 1;
  }
  return violations;
}

function requestsOverDevelopmentCap(input: MatchingInput, lookup: Lookup, proposals: readonly Placement[]): Set<string> {
  const development = proposals.filter((proposal) => proposal.kind === 'DEVELOPMENT');
  const over = new Set<string>();
  for (const [requestId, weeks] of weeklyTenths(input.weekCount, development, (proposal) => proposal.requestId)) {
    const request = lookup.requests.get(requestId)!;
    const cap = input.policy.developmentShareCap * request.fte;
    if (weeks.some((tenths) => tenths > cap + 1e-9)) over.add(requestId);
  }
  return over;
}
