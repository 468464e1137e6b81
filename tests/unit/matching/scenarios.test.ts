import { describe, expect, it } from 'vitest';
import { organisationWeights } from '../../../api/src/matching/weights.ts';
import { ENGLAND, FAMILIES, generateEngland, generateIcs, ICS_SIZE, type Family } from '../../bench/matching/scenarios.ts';

// The benchmark's generated ICSs: deterministic, of the stated size, and each family with its stated trait.

const supplyAndDemand = (family: Family, seed = 1) => {
  const input = generateIcs(family, ICS_SIZE, seed);
  const shares = organisationWeights(input);
  return { input, supply: shares.totalSupply, demand: shares.organisations.reduce((sum, share) => sum + share.claim, 0), shares };
};

describe('benchmark scenarios', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(generateIcs('balanced', ICS_SIZE, 7)).toEqual(generateIcs('balanced', ICS_SIZE, 7));
    expect(generateIcs('balanced', ICS_SIZE, 8)).not.toEqual(generateIcs('balanced', ICS_SIZE, 7));
  });

  it.each(FAMILIES)('%s has the ICS size and a consistent input', (family) => {
    const input = generateIcs(family, ICS_SIZE, 1);
    expect([input.analysts.length, input.requests.length, input.organisations.length, input.weekCount]).toEqual([300, 150, 15, 26]);
    const organisationIds = new Set(input.organisations.map((organisation) => organisation.id));
    for (const analyst of input.analysts) {
      expect(organisationIds.has(analyst.organisationId)).toBe(true);
      expect(analyst.capacity).toHaveLength(26);
      expect(analyst.capacity.every((tenths) => Number.isInteger(tenths) && tenths >= 0)).toBe(true);
    }
    for (const request of input.requests) {
      expect(organisationIds.has(request.organisationId)).toBe(true);
      expect(Number.isInteger(request.fte) && request.fte >= 1).toBe(true);
      expect(0 <= request.startWeek && request.startWeek <= request.endWeek && request.endWeek < 26).toBe(true);
      expect(request.required.length).toBeGreaterThan(0);
    }
  });

  it('balanced asks for about 90 % of supply, scarce for about twice it', () => {
    const balanced = supplyAndDemand('balanced');
    const scarce = supplyAndDemand('scarce');
    expect(balanced.demand / balanced.supply).toBeCloseTo(0.9, 1);
    expect(scarce.demand / scarce.supply).toBeGreaterThan(1.9);
    expect(scarce.demand / scarce.supply).toBeLessThan(2.1);
  });

  it('dominant-partner: one trust posts 60 % of demand and submits all of it before anyone else', () => {
    const { input, demand, shares } = supplyAndDemand('dominant-partner');
    const dominant = shares.organisations.reduce((top, share) => (share.claim > top.claim ? share : top));
    expect(dominant.claim / demand).toBeCloseTo(0.6, 1);
    const submitted = (mine: boolean) =>
      input.requests.filter((request) => (request.organisationId === dominant.organisationId) === mine).map((request) => Date.parse(request.submittedAt));
    expect(Math.max(...submitted(true))).toBeLessThan(Math.min(...submitted(false)));
  });

  it('rare-skill: one skill is held by exactly three analysts and required by several requests', () => {
    const { input } = supplyAndDemand('rare-skill');
    const holders = new Map<string, number>();
    for (const analyst of input.analysts) for (const skill of analyst.skills) holders.set(skill.skillId, (holders.get(skill.skillId) ?? 0) + 1);
    const rare = [...holders].filter(([, count]) => count === 3).map(([skillId]) => skillId);
    expect(rare).toHaveLength(1);
    expect(input.requests.filter((request) => request.required.some((skill) => skill.skillId === rare[0])).length).toBeGreaterThanOrEqual(10);
  });

  it('leave-heavy loses far more of the pool’s weeks to leave than balanced', () => {
    expect(supplyAndDemand('leave-heavy').supply).toBeLessThan(0.85 * supplyAndDemand('balanced').supply);
  });

  it('England is 42 ICSs with about 12,000 analysts and 6,000 requests, ids unique across ICSs', () => {
    const icss = generateEngland('balanced', 1);
    expect(icss).toHaveLength(ENGLAND.icss);
    const analysts = icss.flatMap((ics) => ics.analysts.map((analyst) => analyst.id));
    const requests = icss.flatMap((ics) => ics.requests.map((request) => request.id));
    expect(Math.abs(analysts.length - 12_000)).toBeLessThanOrEqual(42);
    expect(Math.abs(requests.length - 6_000)).toBeLessThanOrEqual(42);
    expect(new Set(analysts).size).toBe(analysts.length);
    expect(new Set(requests).size).toBe(requests.length);
  });
});
