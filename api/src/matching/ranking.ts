import { candidatesByRequest, type Candidate } from './eligibility.ts';
import { matchScore, type MatchScore } from './scoring.ts';
import type { AnalystInput, RankingInput } from './types.ts';

export interface RankedCandidate extends Candidate {
  match: MatchScore;
  /** 1-based position among the request's eligible candidates. */
  rank: number;
}

/** Best first: higher score, then STANDARD before DEVELOPMENT, then analyst id (a stable, total order). */
function compareCandidates(a: RankedCandidate, b: RankedCandidate): number {
  if (a.match.score !== b.match.score) return b.match.score - a.match.score;
  if (a.kind !== b.kind) return a.kind === 'STANDARD' ? -1 : 1;
  return a.analystId < b.analystId ? -1 : a.analystId > b.analystId ? 1 : 0;
}

/** Eligible candidates per request id, ranked best first by match quality. */
export function rankedCandidatesByRequest(input: RankingInput): Map<string, RankedCandidate[]> {
  const analysts = new Map<string, AnalystInput>(input.analysts.map((analyst) => [analyst.id, analyst]));
  const requests = new Map(input.requests.map((request) => [request.id, request]));
  const ranked = new Map<string, RankedCandidate[]>();
  for (const [requestId, candidates] of candidatesByRequest(input)) {
    const request = requests.get(requestId);
    if (request === undefined) continue;
    const scored = candidates.flatMap((candidate) => {
      const analyst = analysts.get(candidate.analystId);
      return analyst === undefined ? [] : [{ ...candidate, match: matchScore(analyst, request), rank: 0 }];
    });
    scored.sort(compareCandidates);
    ranked.set(requestId, scored.map((candidate, index) => ({ ...candidate, rank: index + 1 })));
  }
  return ranked;
}
