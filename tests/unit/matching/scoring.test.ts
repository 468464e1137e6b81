import { describe, expect, it } from 'vitest';
import { rankedCandidatesByRequest } from '../../../api/src/matching/ranking.ts';
import { matchScore, requiredSkillValue, SCORE_WEIGHTS } from '../../../api/src/matching/scoring.ts';
import { analyst as analystOf, matchingInput, organisation, request as requestOf } from './support/input.ts';
import type { AnalystInput, RequestInput } from '../../../api/src/matching/types.ts';

const analyst = (fields: Partial<AnalystInput> & { id: string }) => analystOf(4, { organisationId: 'home', ...fields });
const request = (fields: Partial<RequestInput> & { id: string }) => requestOf({ organisationId: 'trust', endWeek: 3, ...fields });

const stats = 'statistics';
const viz = 'dashboards';

describe('matchScore', () => {
  const wanted = request({
    id: 'r',
    required: [{ skillId: stats, level: 3 }],
    desired: [{ skillId: viz, level: 2 }],
    openToDevelopment: true,
  });

  it('explains every must-have and nice-to-have skill', () => {
    const someone = analyst({ id: 'a', skills: [{ skillId: stats, level: 4 }] });
    expect(matchScore(someone, wanted).skills).toEqual([
      { skillId: stats, kind: 'REQUIRED', wantedLevel: 3, analystLevel: 4, fit: 'ABOVE' },
      { skillId: viz, kind: 'DESIRED', wantedLevel: 2, analystLevel: 0, fit: 'MISSING' },
    ]);
  });

  it('rises with skill above the minimum, desired skills, continuity, interest and development', () => {
    const base = analyst({ id: 'a', skills: [{ skillId: stats, level: 3 }] });
    const baseScore = matchScore(base, wanted).score;
    const better = [
      { ...base, skills: [{ skillId: stats, level: 4 }] },
      { ...base, skills: [...base.skills, { skillId: viz, level: 2 }] },
      { ...base, currentProjectIds: [wanted.projectId] },
      { ...base, currentOrganisationIds: [wanted.organisationId] },
      { ...base, interestRequestIds: [wanted.id] },
      { ...base, aspirations: [{ skillId: viz, level: 3 }] },
    ];
    for (const candidate of better) expect(matchScore(candidate, wanted).score).toBeGreaterThan(baseScore);
  });

  it('stays within 0..1 for a development candidate, whose fit on the gap counts 0', () => {
    const weights = Object.values(SCORE_WEIGHTS).reduce((sum, weight) => sum + weight, 0);
    expect(weights).toBeCloseTo(1);
    const perfect = analyst({
      id: 'a',
      skills: [{ skillId: stats, level: 2 }, { skillId: viz, level: 4 }],
      aspirations: [{ skillId: stats, level: 4 }],
      interestRequestIds: ['r'],
      currentProjectIds: [wanted.projectId],
    });
    const score = matchScore(perfect, wanted);
    expect(score.parts.development).toBe(1);
    expect(score.parts.fit).toBe(0);
    expect(score.score).toBeGreaterThanOrEqual(0);
    expect(score.score).toBeLessThanOrEqual(1);
  });

  it('values meeting a minimum below exceeding it, and exceeding it never above 1', () => {
    expect(requiredSkillValue(2, 3)).toBe(0);
    expect(requiredSkillValue(3, 3)).toBeLessThan(requiredSkillValue(4, 3));
    expect(requiredSkillValue(4, 1)).toBe(1);
    expect(requiredSkillValue(4, 4)).toBeLessThanOrEqual(1);
  });
});

describe('rankedCandidatesByRequest', () => {
  it('ranks eligible candidates best first with ties broken by analyst id', () => {
    const input = matchingInput({
      weekCount: 4,
      organisations: [organisation({ id: 'home' }), organisation({ id: 'trust' })],
      analysts: [
        analyst({ id: 'b', skills: [{ skillId: stats, level: 3 }] }),
        analyst({ id: 'a', skills: [{ skillId: stats, level: 3 }] }),
        analyst({ id: 'c', skills: [{ skillId: stats, level: 4 }] }),
      ],
      requests: [request({ id: 'r', required: [{ skillId: stats, level: 3 }] })],
    });
    const ranked = rankedCandidatesByRequest(input).get('r') ?? [];
    expect(ranked.map((c) => [c.analystId, c.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 3],
    ]);
  });
});
