import { describe, expect, it } from 'vitest';
import { createRandom } from '../../prisma/seed/random.ts';

const draws = (seed: number, count: number) => {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => random.next());
};

describe('seeded random numbers', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(draws(42, 100)).toEqual(draws(42, 100));
  });

  it('gives a different sequence for a different seed', () => {
    expect(draws(42, 20)).not.toEqual(draws(43, 20));
  });

  it('stays in [0, 1) and spreads across it', () => {
    const values = draws(7, 10_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const lowerHalf = values.filter((value) => value < 0.5).length;
    expect(lowerHalf).toBeGreaterThan(4_700);
    expect(lowerHalf).toBeLessThan(5_300);
  });

  it('draws integers with both bounds reachable', () => {
    const random = createRandom(1);
    const seen = new Set(Array.from({ length: 500 }, () => random.int(4, 8)));
    expect([...seen].sort()).toEqual([4, 5, 6, 7, 8]);
  });

  it('never picks a value whose weight is zero', () => {
    const random = createRandom(3);
    const picks = new Set(Array.from({ length: 500 }, () => random.weighted([['never', 0], ['often', 3], ['sometimes', 1]] as const)));
    expect([...picks].sort()).toEqual(['often', 'sometimes']);
  });

  it('samples distinct items, at most as many as there are', () => {
    const random = createRandom(9);
    const sample = random.sample(['a', 'b', 'c', 'd', 'e'], 3);
    expect(new Set(sample).size).toBe(3);
    expect(random.sample(['a', 'b'], 5).sort()).toEqual(['a', 'b']);
  });

  it('refuses to pick from an empty list', () => {
    expect(() => createRandom(1).pick([])).toThrow(/empty/);
  });
});
