import type { MatchingInput, MatchingPolicy, OrganisationInput, RequestInput } from './types.ts';

// Fair shares across organisations (DESIGN §4): w_o = α/N + β·contribution_o/Σcontribution + γ·need_o/Σneed
// over the N organisations with demand in the window, and entitlement E_o = w_o × T.

export interface OrganisationShare {
  organisationId: string;
  weight: number;
  /** D_o: FTE-weeks the organisation's requests ask for in the window. */
  claim: number;
  /** E_o = weight × total supply, in FTE-weeks. */
  entitlement: number;
}

export interface FairShares {
  /** T: FTE-weeks of capacity across every analyst and week of the window. */
  totalSupply: number;
  /** Organisations with demand in the window, in the order of `input.organisations`. */
  organisations: OrganisationShare[];
}

/** FTE-weeks a request asks for over its weeks. */
export function requestFteWeeks(request: Pick<RequestInput, 'fte' | 'startWeek' | 'endWeek'>): number {
  return (request.fte * Math.max(0, request.endWeek - request.startWeek + 1)) / 10;
}

export function organisationWeights(input: MatchingInput): FairShares {
  const claims = new Map<string, number>();
  for (const request of input.requests) {
    const fteWeeks = requestFteWeeks(request);
    if (fteWeeks > 0) claims.set(request.organisationId, (claims.get(request.organisationId) ?? 0) + fteWeeks);
  }
  const known = new Set(input.organisations.map((organisation) => organisation.id));
  for (const organisationId of claims.keys()) {
    if (!known.has(organisationId)) throw new Error(`Request organisation ${organisationId} is not among the input organisations`);
  }
  const totalSupply = input.analysts.reduce((sum, analyst) => sum + analyst.capacity.reduce((a, b) => a + b, 0), 0) / 10;
  const organisations = input.organisations.map((organisation) => ({ ...organisation, claim: claims.get(organisation.id) ?? 0 }));
  return fairShares(organisations, totalSupply, input.policy);
}

/** An organisation's standing in a window, its claim (D_o, FTE-weeks) already summed. */
export type OrganisationStanding = Pick<OrganisationInput, 'id' | 'contribution' | 'credit' | 'need'> & { claim: number };

/** The weights and entitlements of the organisations with a claim, given the pool's supply T in FTE-weeks. */
export function fairShares(
  organisations: readonly OrganisationStanding[],
  totalSupply: number,
  policy: Pick<MatchingPolicy, 'alpha' | 'beta' | 'gamma'>,
): FairShares {
  const claimants = organisations.filter((organisation) => organisation.claim > 0);
  const { alpha, beta, gamma } = policy;
  const reciprocity = shares(claimants.map((organisation) => organisation.contribution + organisation.credit));
  const need = shares(claimants.map((organisation) => organisation.need));

  return {
    totalSupply,
    organisations: claimants.map((organisation, index) => {
      const weight = alpha / claimants.length + beta * reciprocity[index]! + gamma * need[index]!;
      return { organisationId: organisation.id, weight, claim: organisation.claim, entitlement: weight * totalSupply };
    }),
  };
}

/** Each value's share of the total; equal shares when the total is zero (nobody stands out). */
function shares(values: number[]): number[] {
  const clamped = values.map((value) => Math.max(0, value));
  const total = clamped.reduce((sum, value) => sum + value, 0);
  return clamped.map((value) => (total > 0 ? value / total : 1 / values.length));
}
