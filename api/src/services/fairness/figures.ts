import { weeklyAllowanceTenths } from '../../domain/capacity.ts';
import { indexesWithin, weekCount, weeksBetween, type WeekSpan } from '../../domain/weeks.ts';
import type { AnalystInput, MatchingInput, MatchingPolicy, RequestInput } from '../../matching/types.ts';
import { organisationWeights } from '../../matching/weights.ts';
import { organisationNeed } from '../matching/load-input.ts';

// The fairness figures of one organisation over a span of weeks, in FTE-weeks (DESIGN §4–5). The weights
// come from the engine's own formula (matching/weights.ts), fed with what actually happened in the span.

export interface FairnessData {
  policy: Pick<MatchingPolicy, 'alpha' | 'beta' | 'gamma'>;
  organisations: { id: string; name: string; headcount: number }[];
  analysts: {
    id: string;
    organisationId: string;
    contractedFte: number;
    pooledFte: number;
    protectedDevelopmentShare: number;
    availabilities: (WeekSpan & { availableFraction: number })[];
  }[];
  /** Requests that claimed pool time (submitted, whether or not since matched, finished). */
  requests: (WeekSpan & { id: string; organisationId: string; fte: number })[];
  /** Allocations that hold or held capacity, by the organisation whose request they serve. */
  received: (WeekSpan & { organisationId: string; fte: number })[];
  /** Credit each organisation brought in from the last period closed before the span. */
  creditIn: Map<string, number>;
}

export interface OrganisationFairness {
  organisationId: string;
  weight: number;
  entitlement: number;
  claim: number;
  received: number;
  /** min(1, received / min(claim, entitlement)); null when the organisation claimed nothing. */
  satisfaction: number | null;
  contribution: number;
  /** contribution − received. */
  balance: number;
  creditIn: number;
  /** max(0, balance): what a close of exactly this span would carry into the next period. */
  creditCarried: number;
}

export interface FairnessFigures {
  /** T: the pool's allocatable FTE-weeks in the span. */
  totalSupply: number;
  organisations: OrganisationFairness[];
}

/** Each analyst's allocatable tenths in every week of a span, in the order of `data.analysts`. */
export interface WeeklyCapacities {
  span: WeekSpan;
  tenths: number[][];
}

/** Worked out once for a report's span, then shared by the figures of each month inside it. */
export function weeklyCapacities(data: FairnessData, span: WeekSpan): WeeklyCapacities {
  return { span, tenths: data.analysts.map((analyst) => weeklyAllowanceTenths(span, analyst)) };
}

/** The figures of `span`, which must lie within the span `capacities` were worked out for. */
export function fairnessFigures(data: FairnessData, span: WeekSpan, capacities = weeklyCapacities(data, span)): FairnessFigures {
  const weeks = weekCount(span);
  const offset = weeksBetween(capacities.span.startWeek, span.startWeek);
  const noBookings = new Array<number>(weeks).fill(0);
  const contribution = new Map<string, number>();
  const ownAnalystFte = new Map<string, number>();
  const analysts = data.analysts.map((analyst, index): AnalystInput => {
    const capacity = capacities.tenths[index]!.slice(offset, offset + weeks);
    add(contribution, analyst.organisationId, sum(capacity) / 10);
    add(ownAnalystFte, analyst.organisationId, analyst.contractedFte);
    return weightsAnalyst(analyst.id, analyst.organisationId, capacity, noBookings);
  });
  const requests = data.requests.flatMap((request): RequestInput[] => {
    const within = indexesWithin(span, request);
    if (!within) return [];
    return [weightsRequest(request.id, request.organisationId, Math.round(request.fte * 10), within.first, within.last)];
  });
  const received = new Map<string, number>();
  for (const allocation of data.received) {
    const within = indexesWithin(span, allocation);
    if (within) add(received, allocation.organisationId, allocation.fte * (within.last - within.first + 1));
  }

  const input: MatchingInput = {
    weekCount: weeks,
    analysts,
    requests,
    organisations: data.organisations.map((organisation) => ({
      id: organisation.id,
      name: organisation.name,
      contribution: contribution.get(organisation.id) ?? 0,
      need: organisationNeed(organisation.headcount, ownAnalystFte.get(organisation.id) ?? 0),
      credit: data.creditIn.get(organisation.id) ?? 0,
    })),
    policy: { ...data.policy, maxConcurrentRequests: 1, developmentShareCap: 0, homeRequestsDrawOnPool: false },
  };
  const shares = organisationWeights(input);
  const shareOf = new Map(shares.organisations.map((share) => [share.organisationId, share]));

  return {
    totalSupply: round(shares.totalSupply),
    organisations: data.organisations.map((organisation): OrganisationFairness => {
      const share = shareOf.get(organisation.id);
      const given = round(contribution.get(organisation.id) ?? 0);
      const got = round(received.get(organisation.id) ?? 0);
      const fairClaim = share ? Math.min(share.claim, share.entitlement) : 0;
      const balance = round(given - got);
      return {
        organisationId: organisation.id,
        weight: round(share?.weight ?? 0, 6),
        entitlement: round(share?.entitlement ?? 0),
        claim: round(share?.claim ?? 0),
        received: got,
        satisfaction: share ? round(fairClaim > 0 ? Math.min(1, got / fairClaim) : 1, 4) : null,
        contribution: given,
        balance,
        creditIn: round(data.creditIn.get(organisation.id) ?? 0),
        creditCarried: Math.max(0, balance),
      };
    }),
  };
}

// organisationWeights reads only capacity, request volumes and spans, and the organisations' figures. The
// other fields are written out rather than spread from a constant: V8 builds objects from a spread followed by
// more properties on a slow path, which cost the report more than everything else it computes.
function weightsAnalyst(id: string, organisationId: string, capacity: number[], noBookings: number[]): AnalystInput {
  return { id, organisationId, capacity, bookedRequestCount: noBookings, skills: [], aspirations: [], interestRequestIds: [], currentProjectIds: [], currentOrganisationIds: [] };
}

function weightsRequest(id: string, organisationId: string, fte: number, startWeek: number, endWeek: number): RequestInput {
  return { id, organisationId, projectId: id, fte, startWeek, endWeek, required: [], desired: [], priority: 'MEDIUM', openToDevelopment: false, submittedAt: '' };
}

function add(totals: Map<string, number>, key: string, value: number): void {
  totals.set(key, (totals.get(key) ?? 0) + value);
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function round(value: number, places = 3): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}
