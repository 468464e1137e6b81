import { spanCapacity, type DevelopmentGap, type EligibilityKind } from './eligibility.ts';
import { rankedCandidatesByRequest, type RankedCandidate } from './ranking.ts';
import type { MatchScore } from './scoring.ts';
import type { AnalystInput, MatchingInput, RequestInput } from './types.ts';

// The engine's decision variables: one per (analyst, request) pair it may place, each the FTE in tenths
// the analyst gives the request in every one of its weeks. On a large pool only a shortlist becomes
// variables: a pair is kept when the analyst is among the request's best candidates or the request is
// among the analyst's best requests. The second rule keeps every analyst in play (a top-K per request
// alone leaves whoever is nobody's favourite idle and loses 5–10 % of the matchable time). The shortlist
// is only the start: `pricing.ts` adds the left-out pairs that would match more time.

/** Standard candidates kept per request, best first by match quality. */
const STANDARD_CANDIDATES_PER_REQUEST = 8;
/** Development candidates kept per request open to development. */
const DEVELOPMENT_CANDIDATES_PER_REQUEST = 2;
/** Requests kept per analyst, best first by the analyst's match quality for them. */
const REQUESTS_PER_ANALYST = 4;
/** Up to this many eligible pairs, all are kept: one ICS (about 3,300 pairs) solves well within a second. */
const KEEP_ALL_PAIRS_UP_TO = 6_000;

export interface Pair {
  /** Position in the pair list, which is also the pair's column in the solver model. */
  index: number;
  analyst: AnalystInput;
  request: RequestInput;
  kind: EligibilityKind;
  development: DevelopmentGap | null;
  match: MatchScore;
  rank: number;
  /** Most tenths this pair can take: the analyst's span capacity, the request's FTE and, for a
   * development placement, the development share cap. */
  upper: number;
  /** FTE-weeks one tenth of this placement is worth (the request's weeks / 10). */
  fteWeeksPerTenth: number;
}

export interface PairLimits {
  /** Keep every eligible pair when there are no more than this many. */
  keepAllUpTo: number;
  standardPerRequest: number;
  developmentPerRequest: number;
  requestsPerAnalyst: number;
}

export const SHORTLIST: PairLimits = {
  keepAllUpTo: KEEP_ALL_PAIRS_UP_TO,
  standardPerRequest: STANDARD_CANDIDATES_PER_REQUEST,
  developmentPerRequest: DEVELOPMENT_CANDIDATES_PER_REQUEST,
  requestsPerAnalyst: REQUESTS_PER_ANALYST,
};
export const EVERY_CANDIDATE: PairLimits = {
  keepAllUpTo: Number.POSITIVE_INFINITY,
  standardPerRequest: Number.POSITIVE_INFINITY,
  developmentPerRequest: Number.POSITIVE_INFINITY,
  requestsPerAnalyst: Number.POSITIVE_INFINITY,
};

/** Tenths of a request's FTE that development placements may cover in total. */
export function developmentCap(request: RequestInput, shareCap: number): number {
  return Math.floor(shareCap * request.fte + 1e-9);
}

function upperOf(input: MatchingInput, request: RequestInput, candidate: RankedCandidate, analyst: AnalystInput) {
  const span = Math.min(spanCapacity(analyst, request, input.policy), request.fte);
  return candidate.kind === 'DEVELOPMENT' ? Math.min(span, developmentCap(request, input.policy.developmentShareCap)) : span;
}

interface Option {
  request: RequestInput;
  candidate: RankedCandidate;
  analyst: AnalystInput;
  upper: number;
}

const keyOf = (option: Option) => `${option.candidate.analystId}|${option.request.id}`;

/** Pairs kept by the analysts' own rule: each analyst's best requests by score, then request order. */
function analystFavourites(options: Option[], perAnalyst: number): Set<string> {
  const byAnalyst = new Map<string, Option[]>();
  for (const option of options) {
    const list = byAnalyst.get(option.analyst.id);
    if (list === undefined) byAnalyst.set(option.analyst.id, [option]);
    else list.push(option);
  }
  const kept = new Set<string>();
  for (const list of byAnalyst.values()) {
    const best = list
      .map((option, order) => ({ option, order }))
      .sort((a, b) => b.option.candidate.match.score - a.option.candidate.match.score || a.order - b.order)
      .slice(0, perAnalyst);
    for (const { option } of best) kept.add(keyOf(option));
  }
  return kept;
}

/** The shortlisted pairs, requests in input order, candidates best first within a request. */
export function candidatePairs(
  input: MatchingInput,
  limits: PairLimits,
  ranked: Map<string, RankedCandidate[]> = rankedCandidatesByRequest(input),
): Pair[] {
  const analysts = new Map(input.analysts.map((analyst) => [analyst.id, analyst]));
  const options: Option[] = [];
  for (const request of input.requests) {
    if (request.fte <= 0) continue;
    for (const candidate of ranked.get(request.id) ?? []) {
      const analyst = analysts.get(candidate.analystId);
      if (analyst === undefined) continue;
      const upper = upperOf(input, request, candidate, analyst);
      if (upper >= 1) options.push({ request, candidate, analyst, upper });
    }
  }
  const keepAll = options.length <= limits.keepAllUpTo;
  const favourites = keepAll ? new Set<string>() : analystFavourites(options, limits.requestsPerAnalyst);
  const pairs: Pair[] = [];
  const kept = new Map<string, { STANDARD: number; DEVELOPMENT: number }>();
  for (const option of options) {
    const { request, candidate, analyst, upper } = option;
    const counts = kept.get(request.id) ?? { STANDARD: 0, DEVELOPMENT: 0 };
    kept.set(request.id, counts);
    const limit = candidate.kind === 'STANDARD' ? limits.standardPerRequest : limits.developmentPerRequest;
    const inRequestTop = counts[candidate.kind] < limit;
    counts[candidate.kind] += 1;
    if (!keepAll && !inRequestTop && !favourites.has(keyOf(option))) continue;
    pairs.push({
      index: pairs.length,
      analyst,
      request,
      kind: candidate.kind,
      development: candidate.development,
      match: candidate.match,
      rank: candidate.rank,
      upper,
      fteWeeksPerTenth: (request.endWeek - request.startWeek + 1) / 10,
    });
  }
  return pairs;
}
