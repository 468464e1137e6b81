import { describe, expect, it } from 'vitest';
import { solveMatching } from '../../../api/src/matching/solve.ts';
import { DEFAULT_POLICY, analyst, matchingInput, organisation, request } from './support/input.ts';

// A development placement with its mentor and a candidate passed over, explained in words.

const stats = (level: number) => [{ skillId: 'stats', level }];

const input = matchingInput({
  weekCount: 1,
  policy: DEFAULT_POLICY,
  skillNames: { stats: 'Statistical modelling' },
  organisations: [organisation({ id: 'pool', name: 'North Dales ICB' }), organisation({ id: 'hospice', name: 'Dales Hospice' })],
  analysts: [
    analyst(1, { id: 'priya', name: 'Priya Shah', organisationId: 'pool', skills: stats(4), capacity: [2] }),
    analyst(1, { id: 'sam', name: 'Sam Lee', organisationId: 'pool', skills: stats(2), aspirations: stats(4), capacity: [5] }),
    analyst(1, { id: 'ola', name: 'Ola Bello', organisationId: 'pool', skills: stats(3), capacity: [5], bookedRequestCount: [3] }),
  ],
  requests: [request({ id: 'r', organisationId: 'hospice', required: stats(3), fte: 4, openToDevelopment: true })],
});

describe('explanations', () => {
  it('pairs the development placement with a mentor and says so in plain English', async () => {
    const { proposals } = await solveMatching(input);
    const mentor = proposals.find((proposal) => proposal.analystId === 'priya')!;
    const developing = proposals.find((proposal) => proposal.analystId === 'sam')!;
    expect([mentor.kind, mentor.fte, developing.kind, developing.fte]).toEqual(['MENTOR', 2, 'DEVELOPMENT', 2]);
    expect(developing.mentorAnalystId).toBe('priya');
    expect(mentor.explanation.mentees).toEqual(['sam']);
    expect(developing.explanation.development).toMatchObject({ skillId: 'stats', analystLevel: 2, targetLevel: 4, mentorAnalystId: 'priya' });

    expect(mentor.explanation.summary).toContain('Chosen for Statistical modelling at Expert (needs Practitioner)');
    expect(mentor.explanation.summary).toContain('Mentors Sam Lee on this request.');
    expect(developing.explanation.summary).toContain(
      'Development placement: grows Statistical modelling from Working to the Practitioner this request needs (aiming for Expert), mentored by Priya Shah',
    );
  });

  it('names the next candidate and why they were not chosen, and the fairness bound', async () => {
    const { proposals } = await solveMatching(input);
    const mentor = proposals.find((proposal) => proposal.analystId === 'priya')!;
    expect(mentor.explanation.rank).toBe(1);
    expect(mentor.explanation.candidateCount).toBe(3);
    expect(mentor.explanation.nextCandidate).toMatchObject({ analystId: 'ola', reason: 'already works on 3 requests at once in some of these weeks' });
    expect(mentor.explanation.summary).toContain('Next in line, Ola Bello, already works on 3 requests at once');
    expect(mentor.explanation.fairness).toMatchObject({ organisationId: 'hospice', bound: 'DEMAND_MET', claim: 0.4, received: 0.4 });
    expect(mentor.explanation.fairness.text).toBe('Dales Hospice asked for 0.4 FTE-weeks and received all of it.');
  });
});
