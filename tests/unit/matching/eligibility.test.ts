import { describe, expect, it } from 'vitest';
import { assessEligibility, candidatesByRequest, spanCapacity } from '../../../api/src/matching/eligibility.ts';
import { analyst as analystOf, DEFAULT_POLICY, matchingInput, organisation, request as requestOf } from './support/input.ts';
import type { AnalystInput, RequestInput } from '../../../api/src/matching/types.ts';

const analyst = (fields: Partial<AnalystInput> & { id: string }) => analystOf(4, { organisationId: 'home', ...fields });
const request = (fields: Partial<RequestInput> & { id: string }) => requestOf({ organisationId: 'trust', endWeek: 3, ...fields });

const stats = 'statistics';
const sql = 'sql';

describe('assessEligibility', () => {
  const needsStatsAndSql = request({ id: 'r', required: [{ skillId: stats, level: 3 }, { skillId: sql, level: 2 }] });

  it('is STANDARD when every must-have skill meets its minimum', () => {
    const expert = analyst({ id: 'a', skills: [{ skillId: stats, level: 4 }, { skillId: sql, level: 2 }] });
    expect(assessEligibility(expert, needsStatsAndSql, DEFAULT_POLICY)).toEqual({
      eligible: true,
      kind: 'STANDARD',
      development: null,
    });
  });

  it('refuses a candidate short on a must-have skill when the request is not open to development', () => {
    const short = analyst({
      id: 'a',
      skills: [{ skillId: stats, level: 2 }, { skillId: sql, level: 2 }],
      aspirations: [{ skillId: stats, level: 3 }],
    });
    expect(assessEligibility(short, needsStatsAndSql, DEFAULT_POLICY)).toEqual({ eligible: false, reason: 'SKILLS' });
  });

  describe('on a request open to development', () => {
    const open = { ...needsStatsAndSql, openToDevelopment: true };

    it('accepts one level short on one aspired must-have skill as DEVELOPMENT', () => {
      const grower = analyst({
        id: 'a',
        skills: [{ skillId: stats, level: 2 }, { skillId: sql, level: 3 }],
        aspirations: [{ skillId: stats, level: 3 }],
      });
      expect(assessEligibility(grower, open, DEFAULT_POLICY)).toEqual({
        eligible: true,
        kind: 'DEVELOPMENT',
        development: { skillId: stats, analystLevel: 2, requiredLevel: 3, targetLevel: 3 },
      });
    });

    it('refuses two levels short, two skills short, or a gap the analyst does not aspire to close', () => {
      const twoLevels = analyst({
        id: 'a',
        skills: [{ skillId: stats, level: 1 }, { skillId: sql, level: 2 }],
        aspirations: [{ skillId: stats, level: 4 }],
      });
      const twoSkills = analyst({
        id: 'b',
        skills: [{ skillId: stats, level: 2 }, { skillId: sql, level: 1 }],
        aspirations: [{ skillId: stats, level: 3 }, { skillId: sql, level: 2 }],
      });
      const noAspiration = analyst({ id: 'c', skills: [{ skillId: stats, level: 2 }, { skillId: sql, level: 2 }] });
      const aspiresElsewhere = analyst({
        id: 'd',
        skills: [{ skillId: stats, level: 2 }, { skillId: sql, level: 2 }],
        aspirations: [{ skillId: sql, level: 4 }, { skillId: stats, level: 2 }],
      });
      for (const candidate of [twoLevels, twoSkills, noAspiration, aspiresElsewhere]) {
        expect(assessEligibility(candidate, open, DEFAULT_POLICY)).toEqual({ eligible: false, reason: 'SKILLS' });
      }
    });
  });

  it('keeps pooled time off the home organisation’s requests unless the policy allows it', () => {
    const homeAnalyst = analyst({ id: 'a', organisationId: 'trust' });
    const homeRequest = request({ id: 'r', organisationId: 'trust' });
    expect(assessEligibility(homeAnalyst, homeRequest, DEFAULT_POLICY)).toEqual({
      eligible: false,
      reason: 'HOME_ORGANISATION',
    });
    expect(assessEligibility(homeAnalyst, homeRequest, { ...DEFAULT_POLICY, homeRequestsDrawOnPool: true })).toMatchObject({
      eligible: true,
    });
  });

  it('needs capacity in some week of the request', () => {
    const away = analyst({ id: 'a', capacity: [5, 0, 0, 5] });
    expect(assessEligibility(away, request({ id: 'r', startWeek: 1, endWeek: 2 }), DEFAULT_POLICY)).toEqual({
      eligible: false,
      reason: 'NO_CAPACITY',
    });
    expect(assessEligibility(away, request({ id: 'r', startWeek: 2, endWeek: 3 }), DEFAULT_POLICY)).toMatchObject({
      eligible: true,
    });
  });
});

describe('spanCapacity', () => {
  it('is the least weekly capacity over the request, and 0 where the concurrency cap is already reached', () => {
    const busy = analyst({ id: 'a', capacity: [5, 3, 4, 5], bookedRequestCount: [0, 0, 1, 3] });
    expect(spanCapacity(busy, request({ id: 'r', startWeek: 0, endWeek: 2 }), DEFAULT_POLICY)).toBe(3);
    expect(spanCapacity(busy, request({ id: 'r', startWeek: 2, endWeek: 3 }), DEFAULT_POLICY)).toBe(0);
  });
});

describe('candidatesByRequest', () => {
  it('lists every eligible analyst per request, and an empty list for a request nobody can do', () => {
    const input = matchingInput({
      weekCount: 4,
      organisations: [organisation({ id: 'home' }), organisation({ id: 'trust' })],
      analysts: [
        analyst({ id: 'a1', skills: [{ skillId: stats, level: 3 }] }),
        analyst({ id: 'a2', skills: [{ skillId: stats, level: 2 }], aspirations: [{ skillId: stats, level: 3 }] }),
        analyst({ id: 'a3' }),
      ],
      requests: [
        request({ id: 'r1', required: [{ skillId: stats, level: 3 }], openToDevelopment: true }),
        request({ id: 'r2', required: [{ skillId: sql, level: 4 }] }),
      ],
    });
    const candidates = candidatesByRequest(input);
    expect(candidates.get('r1')?.map((c) => [c.analystId, c.kind])).toEqual([
      ['a1', 'STANDARD'],
      ['a2', 'DEVELOPMENT'],
    ]);
    expect(candidates.get('r2')).toEqual([]);
  });
});
