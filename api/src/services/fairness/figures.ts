import { toTenths, weeklyAllowanceTenths } from '../../domain/capacity.ts';
import { indexesWithin, type WeekSpan } from '../../domain/weeks.ts';
import type { MatchingPolicy } from '../../matching/types.ts';
import { fairShares } from '../../matching/weights.ts';
import { organisationNeed } from '../matching/load-input.ts';

// The fairness figures of one organisation over a span of weeks, in FTE-weeks (DESIGN §4–5). The weights
// come from the engine's own formula (matching/weights.ts), fed with what actually happened in the span. The
// report sums the organisations' totals in SQL (load-totals.ts); closing a period sums them here from rows.

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

/**
 * What an organisation gave, asked for and received over some weeks, in tenth-weeks (tenths of an FTE summed
 * over the weeks): whole numbers, so sums over analysts, requests, weeks and months are exact.
 */
export interface OrganisationTotals {
  /** Allocatable time its analysts gave to the pool. */
  given: number;
  /** Time its claiming requests asked for. */
  claimed: number;
  /** Time of the allocations that hold or held capacity on its requests. */
  received: number;
}

/** What the figures of any span need besides the organisations' totals. */
export interface FairnessBasis {
  policy: FairnessData['policy'];
  /** Every organisation, with the contracted FTE of its own active analysts (their need falls as it grows). */
  organisations: { id: string; headcount: number; ownFte: number }[];
  creditIn: Map<string, number>;
}

/** The figures of `span` from rows: the organisations' totals worked out here, week by week. */
export function fairnessFigures(data: FairnessData, span: WeekSpan): FairnessFigures {
  return figuresFromTotals(basisOf(data), organisationTotals(data, span));
}

/** Each organisation's totals over `span`; organisations with nothing in it are absent. */
export function organisationTotals(data: FairnessData, span: WeekSpan): Map<string, OrganisationTotals> {
  const totals = new Map<string, OrganisationTotals>();
  const of = (organisationId: string) => {
    const known = totals.get(organisationId);
    if (known) return known;
    const created = { given: 0, claimed: 0, received: 0 };
    totals.set(organisationId, created);
    return created;
  };
  for (const analyst of data.analysts) of(analyst.organisationId).given += sum(weeklyAllowanceTenths(span, analyst));
  for (const request of data.requests) {
    const within = indexesWithin(span, request);
    if (within) of(request.organisationId).claimed += toTenths(request.fte) * (within.last - within.first + 1);
  }
  for (const allocation of data.received) {
    const within = indexesWithin(span, allocation);
    if (within) of(allocation.organisationId).received += toTenths(allocation.fte) * (within.last - within.first + 1);
  }
  return totals;
}

function basisOf(data: FairnessData): FairnessBasis {
  const ownHundredths = new Map<string, number>();
  for (const analyst of data.analysts) add(ownHundredths, analyst.organisationId, Math.round(analyst.contractedFte * 100));
  return {
    policy: data.policy,
    organisations: data.organisations.map(({ id, headcount }) => ({ id, headcount, ownFte: (ownHundredths.get(id) ?? 0) / 100 })),
    creditIn: data.creditIn,
  };
}

/** The figures of a span from its organisations' totals (DESIGN §4–5). */
export function figuresFromTotals(basis: FairnessBasis, totals: ReadonlyMap<string, OrganisationTotals>): FairnessFigures {
  let supplied = 0;
  for (const { given } of totals.values()) supplied += given;
  const standings = basis.organisations.map((organisation) => {
    const { given, claimed } = totals.get(organisation.id) ?? NOTHING;
    return {
      id: organisation.id,
      contribution: given / 10,
      credit: basis.creditIn.get(organisation.id) ?? 0,
      need: organisationNeed(organisation.headcount, organisation.ownFte),
      claim: claimed / 10,
    };
  });
  const shares = fairShares(standings, supplied / 10, basis.policy);
  const shareOf = new Map(shares.organisations.map((share) => [share.organisationId, share]));

  return {
    totalSupply: round(shares.totalSupply),
    organisations: standings.map((standing): OrganisationFairness => {
      const share = shareOf.get(standing.id);
      const given = round(standing.contribution);
      const got = round((totals.get(standing.id)?.received ?? 0) / 10);
      const fairClaim = share ? Math.min(share.claim, share.entitlement) : 0;
      const balance = round(given - got);
      return {
        organisationId: standing.id,
        weight: round(share?.weight ?? 0, 6),
        entitlement: round(share?.entitlement ?? 0),
        claim: round(share?.claim ?? 0),
        received: got,
        satisfaction: share ? round(fairClaim > 0 ? Math.min(1, got / fairClaim) : 1, 4) : null,
        contribution: given,
        balance,
        creditIn: round(standing.credit),
        creditCarried: Math.max(0, balance),
      };
    }),
  };
}

const NOTHING: OrganisationTotals = { given: 0, claimed: 0, received: 0 };

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
