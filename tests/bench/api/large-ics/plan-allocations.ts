import type { AllocationStatus, Decision } from '../../../../api/src/generated/prisma/enums.ts';
import type { MatchingInput, RequestInput } from '../../../../api/src/matching/types.ts';
import type { Random } from '../../../../prisma/seed/random.ts';

// The allocations a year of pooling leaves behind: requests filled in the order they were submitted, and each
// allocation's state by where its weeks fall against this week.

/** Largest FTE per week a request may ask for. */
export const MAX_REQUEST_TENTHS = 10;
const MAX_ANALYSTS_PER_REQUEST = 3;
/** Candidates tried per request before it is left partly filled, as a lead gives up after a shortlist. */
const SHORTLIST = 40;
const DAY_MS = 86_400_000;

export interface PlannedRun { key: string; windowStart: Date; windowEnd: Date; status: 'CONFIRMED' | 'SUCCEEDED'; createdAt: Date }
export interface PlannedAllocation {
  analystKey: string; requestKey: string; runKey: string | null; fteTenths: number; startWeek: Date; endWeek: Date;
  kind: 'STANDARD' | 'DEVELOPMENT'; status: AllocationStatus; confirmedAt: Date | null;
  requesterDecision: Decision; releaseDecision: Decision; analystDecision: Decision;
  rank: number; candidateCount: number;
  /** 1–5 when the requesting lead has given feedback on completed work. */
  feedbackRating: number | null;
}

interface Booked {
  analystId: string;
  request: RequestInput;
  fte: number;
  rank: number;
  candidateCount: number;
  development: boolean;
}

/**
 * Fills requests first come, first served from analysts of other organisations who hold the must-have skills,
 * never beyond anyone's capacity in any week (less the protected development tenth).
 */
export function bookAllocations(random: Random, input: MatchingInput, projectOrganisation: Map<string, string>, pastWeeks: number) {
  const remaining = new Map(input.analysts.map((analyst) => [analyst.id, analyst.capacity.map((tenths) => Math.floor(tenths * 0.9))]));
  const allocations: Booked[] = [];
  const filled = new Map<string, number>();
  const ordered = [...input.requests].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  for (const request of ordered) {
    if (isDraft(request, pastWeeks)) continue;
    const organisationId = projectOrganisation.get(request.projectId)!;
    const eligible = input.analysts.filter(
      (analyst) =>
        analyst.organisationId !== organisationId &&
        request.required.every((skill) => analyst.skills.some((held) => held.skillId === skill.skillId && held.level >= skill.level - 1)),
    );
    let need = Math.min(MAX_REQUEST_TENTHS, request.fte);
    let booked = 0;
    for (const [rank, analyst] of random.sample(eligible, SHORTLIST).entries()) {
      if (need <= 0 || booked >= MAX_ANALYSTS_PER_REQUEST) break;
      const weeks = remaining.get(analyst.id)!;
      const free = Math.min(...weeks.slice(request.startWeek, request.endWeek + 1));
      const fte = Math.min(need, free);
      if (fte < 1) continue;
      for (let week = request.startWeek; week <= request.endWeek; week += 1) weeks[week]! -= fte;
      const development = !request.required.every((skill) => analyst.skills.some((held) => held.skillId === skill.skillId && held.level >= skill.level));
      if (development && !request.openToDevelopment) {
        for (let week = request.startWeek; week <= request.endWeek; week += 1) weeks[week]! += fte;
        continue;
      }
      allocations.push({ analystId: analyst.id, request, fte, rank: rank + 1, candidateCount: eligible.length, development });
      need -= fte;
      booked += 1;
    }
    filled.set(request.id, Math.min(MAX_REQUEST_TENTHS, request.fte) - need);
  }
  return { allocations, filled };
}

/** A few requests not yet begun are still drafts. */
export function isDraft(request: RequestInput, pastWeeks: number): boolean {
  return request.startWeek > pastWeeks && Number(request.id.replace(/\D+/g, '')) % 20 === 0;
}

/** A matching run every quarter: past ones confirmed, the latest still to confirm. */
export function planRuns(weekCount: number, pastWeeks: number, monday: (index: number) => Date): PlannedRun[] {
  const runs: PlannedRun[] = [];
  for (let start = 0; start <= pastWeeks; start += 13) {
    runs.push({
      key: `run-${start}`,
      windowStart: monday(start),
      windowEnd: monday(Math.min(weekCount - 1, start + 25)),
      status: start + 13 > pastWeeks ? 'SUCCEEDED' : 'CONFIRMED',
      createdAt: new Date(monday(start).getTime() - 3 * DAY_MS),
    });
  }
  return runs;
}

export function planAllocation(random: Random, booked: Booked, pastWeeks: number, runs: readonly PlannedRun[], monday: (index: number) => Date): PlannedAllocation {
  const { request } = booked;
  const run = [...runs].reverse().find((candidate) => candidate.windowStart.getTime() <= monday(request.startWeek).getTime()) ?? null;
  const startWeek = monday(request.startWeek);
  const agreed = { requesterDecision: 'ACCEPTED', releaseDecision: 'ACCEPTED', analystDecision: 'ACCEPTED' } as const;
  const confirmedAt = new Date((run?.createdAt ?? startWeek).getTime() + 2 * DAY_MS);
  const base = {
    analystKey: booked.analystId,
    requestKey: request.id,
    runKey: run?.key ?? null,
    fteTenths: booked.fte,
    startWeek,
    endWeek: monday(request.endWeek),
    kind: booked.development ? ('DEVELOPMENT' as const) : ('STANDARD' as const),
    rank: booked.rank,
    candidateCount: booked.candidateCount,
    feedbackRating: null,
  };
  if (request.endWeek < pastWeeks) {
    return { ...base, ...agreed, status: 'COMPLETED', confirmedAt, feedbackRating: random.chance(0.85) ? random.int(3, 5) : null };
  }
  if (request.startWeek <= pastWeeks) return { ...base, ...agreed, status: 'ACTIVE', confirmedAt };
  const roll = random.next();
  if (roll < 0.55) return { ...base, ...agreed, status: 'ACCEPTED', confirmedAt };
  if (roll < 0.6) return { ...base, ...agreed, analystDecision: 'DECLINED', status: 'DECLINED', confirmedAt };
  if (roll < 0.8) {
    return { ...base, requesterDecision: 'PENDING', releaseDecision: random.chance(0.5) ? 'ACCEPTED' : 'PENDING', analystDecision: 'PENDING', status: 'PROPOSED', confirmedAt };
  }
  return { ...base, requesterDecision: 'PENDING', releaseDecision: 'PENDING', analystDecision: 'PENDING', status: 'PROPOSED', confirmedAt: null };
}
