import { fairnessText, levelName, listed, namesOf, skillsText, type Names } from './explain-text.ts';
import type { RankedCandidate } from './ranking.ts';
import type { Placement } from './safety.ts';
import type {
  Explanation,
  FairnessExplanation,
  MatchingInput,
  OrganisationOutcome,
  Proposal,
  RequestInput,
} from './types.ts';

// Explanations of a finished allocation: why this analyst, why not the next candidate, which fairness
// bound applied to the requesting organisation, and the development and mentoring arrangements.

const EPSILON = 1e-6;

function fairnessOf(outcome: OrganisationOutcome, names: Names): FairnessExplanation {
  const fairClaim = Math.min(outcome.claim, outcome.entitlement);
  const bound: FairnessExplanation['bound'] =
    outcome.received >= outcome.claim - EPSILON
      ? 'DEMAND_MET'
      : outcome.received >= fairClaim - EPSILON
        ? 'FAIR_SHARE'
        : 'SKILL_BOTTLENECK';
  const fairness = {
    organisationId: outcome.organisationId,
    weight: outcome.weight,
    entitlement: outcome.entitlement,
    claim: outcome.claim,
    received: outcome.received,
    bound,
  };
  return { ...fairness, text: fairnessText(fairness, names) };
}

/** Each analyst's booked tenths and request count per week once the placements are made. */
function finalLoad(input: MatchingInput, placements: Placement[]) {
  const load = new Map(
    input.analysts.map((analyst) => [analyst.id, { analyst, tenths: [...analyst.capacity].fill(0), count: [...analyst.bookedRequestCount] }]),
  );
  for (const placement of placements) {
    const entry = load.get(placement.analystId)!;
    for (let week = placement.startWeek; week <= placement.endWeek; week += 1) {
      entry.tenths[week] = (entry.tenths[week] ?? 0) + placement.fte;
      entry.count[week] = (entry.count[week] ?? 0) + 1;
    }
  }
  return load;
}

type Load = ReturnType<typeof finalLoad>;

function whyNot(
  input: MatchingInput,
  load: Load,
  request: RequestInput,
  chosenScore: number,
  next: RankedCandidate,
  filled: boolean,
): string {
  const analyst = load.get(next.analystId)!.analyst;
  const entry = load.get(next.analystId)!;
  let atCap = false;
  let noTime = false;
  for (let week = request.startWeek; week <= request.endWeek; week += 1) {
    if ((entry.count[week] ?? 0) >= input.policy.maxConcurrentRequests) atCap = true;
    if ((analyst.capacity[week] ?? 0) - (entry.tenths[week] ?? 0) < 1) noTime = true;
  }
  if (atCap) return `already works on ${input.policy.maxConcurrentRequests} requests at once in some of these weeks`;
  if (noTime) return 'has no pooled time left in some of these weeks';
  if (next.match.score < chosenScore - EPSILON) {
    return `is a weaker match (score ${next.match.score.toFixed(2)} against ${chosenScore.toFixed(2)})`;
  }
  if (next.kind === 'DEVELOPMENT') return 'would be a development placement, and development already covers its share of this request';
  if (filled) return 'was not needed: the request is fully covered';
  return "has time that went further for fairness and fit on other partners' requests";
}

function summaryOf(
  names: Names,
  placement: Placement,
  candidate: RankedCandidate,
  candidateCount: number,
  mentees: string[],
  fairness: FairnessExplanation,
  next: Explanation['nextCandidate'],
): string {
  const sentences: string[] = [];
  const reasons = [`ranked ${candidate.rank} of ${candidateCount} eligible candidates`];
  if (candidate.match.interest) reasons.push('asked to work on this request');
  if (candidate.match.continuity === 'PROJECT') reasons.push('already works on this project');
  if (candidate.match.continuity === 'ORGANISATION') reasons.push('already works for this organisation');
  if (placement.kind === 'DEVELOPMENT' && candidate.development !== null) {
    const gap = candidate.development;
    sentences.push(
      `Development placement: grows ${names.skill(gap.skillId)} from ${levelName(gap.analystLevel)} to the ` +
        `${levelName(gap.requiredLevel)} this request needs` +
        (gap.targetLevel > gap.requiredLevel ? ` (aiming for ${levelName(gap.targetLevel)})` : '') +
        `, mentored by ${names.analyst(placement.mentorAnalystId ?? '')}; ${listed(reasons)}.`,
    );
  } else {
    sentences.push(`Chosen for ${skillsText(candidate.match.skills, names)}; ${listed(reasons)}.`);
  }
  if (mentees.length > 0) sentences.push(`Mentors ${listed(mentees.map(names.analyst))} on this request.`);
  if (next !== null) sentences.push(`Next in line, ${names.analyst(next.analystId)}, ${next.reason}.`);
  sentences.push(fairness.text);
  return sentences.join(' ');
}

export function explainPlacements(
  input: MatchingInput,
  ranked: Map<string, RankedCandidate[]>,
  placements: Placement[],
  outcomes: OrganisationOutcome[],
): Proposal[] {
  const names = namesOf(input);
  const requests = new Map(input.requests.map((request) => [request.id, request]));
  const fairness = new Map(outcomes.map((outcome) => [outcome.organisationId, fairnessOf(outcome, names)]));
  const load = finalLoad(input, placements);
  const placedOn = new Map<string, Placement[]>();
  for (const placement of placements) {
    const list = placedOn.get(placement.requestId);
    if (list === undefined) placedOn.set(placement.requestId, [placement]);
    else list.push(placement);
  }

  return placements.map((placement) => {
    const request = requests.get(placement.requestId)!;
    const candidates = ranked.get(request.id) ?? [];
    const candidate = candidates.find((entry) => entry.analystId === placement.analystId)!;
    const onRequest = placedOn.get(request.id) ?? [];
    const placedIds = new Set(onRequest.map((entry) => entry.analystId));
    const filled = onRequest.reduce((sum, entry) => sum + entry.fte, 0) >= request.fte;
    const unplaced = candidates.find((entry) => !placedIds.has(entry.analystId));
    const nextCandidate =
      unplaced === undefined
        ? null
        : {
            analystId: unplaced.analystId,
            score: unplaced.match.score,
            reason: whyNot(input, load, request, candidate.match.score, unplaced, filled),
          };
    const mentees =
      placement.kind === 'MENTOR'
        ? onRequest.filter((entry) => entry.mentorAnalystId === placement.analystId).map((entry) => entry.analystId)
        : [];
    const organisationFairness = fairness.get(request.organisationId)!;
    const development =
      placement.kind === 'DEVELOPMENT' && candidate.development !== null
        ? {
            skillId: candidate.development.skillId,
            analystLevel: candidate.development.analystLevel,
            targetLevel: candidate.development.targetLevel,
            mentorAnalystId: placement.mentorAnalystId ?? '',
            text:
              `Grows ${names.skill(candidate.development.skillId)} from ${levelName(candidate.development.analystLevel)} ` +
              `towards ${levelName(candidate.development.targetLevel)} with ${names.analyst(placement.mentorAnalystId ?? '')} as mentor.`,
          }
        : null;
    const explanation: Explanation = {
      summary: summaryOf(names, placement, candidate, candidates.length, mentees, organisationFairness, nextCandidate),
      skills: candidate.match.skills,
      score: candidate.match.score,
      rank: candidate.rank,
      candidateCount: candidates.length,
      nextCandidate,
      fairness: organisationFairness,
      development,
      mentees,
      interest: candidate.match.interest,
      continuity: candidate.match.continuity,
    };
    return { ...placement, explanation };
  });
}
