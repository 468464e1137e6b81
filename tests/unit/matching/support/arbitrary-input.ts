import fc from 'fast-check';
import type { MatchingInput, SkillLevel } from '../../../../api/src/matching/types.ts';
import { analyst, DEFAULT_POLICY, matchingInput, organisation, request } from './input.ts';

// Small random engine inputs for property tests: 2-4 organisations, up to 6 analysts and 6 requests over
// up to 5 weeks, three skills, so contention, development candidates and the concurrency cap all occur.

const SKILLS = ['stats', 'sql', 'viz'];
const skillLevels = (maxCount: number) =>
  fc.uniqueArray(fc.record({ skillId: fc.constantFrom(...SKILLS), level: fc.integer({ min: 1, max: 4 }) }), {
    maxLength: maxCount,
    selector: (skill: SkillLevel) => skill.skillId,
  });

export const arbitraryInput: fc.Arbitrary<MatchingInput> = fc
  .record({ weekCount: fc.integer({ min: 1, max: 5 }), organisationCount: fc.integer({ min: 2, max: 4 }) })
  .chain(({ weekCount, organisationCount }) => {
    const organisationIndex = fc.integer({ min: 0, max: organisationCount - 1 });
    const week = fc.integer({ min: 0, max: weekCount - 1 });
    return fc.record({
      weekCount: fc.constant(weekCount),
      organisations: fc.array(
        fc.record({ contribution: fc.integer({ min: 0, max: 20 }), need: fc.integer({ min: 0, max: 5 }), credit: fc.integer({ min: 0, max: 5 }) }),
        { minLength: organisationCount, maxLength: organisationCount },
      ),
      analysts: fc.array(
        fc.record({
          organisation: organisationIndex,
          capacity: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: weekCount, maxLength: weekCount }),
          booked: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: weekCount, maxLength: weekCount }),
          skills: skillLevels(3),
          aspirations: skillLevels(2),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      requests: fc.array(
        fc.record({
          organisation: organisationIndex,
          required: skillLevels(2),
          desired: skillLevels(1),
          fte: fc.integer({ min: 1, max: 15 }),
          weeks: fc.tuple(week, week),
          openToDevelopment: fc.boolean(),
          submittedDay: fc.integer({ min: 1, max: 28 }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      maxConcurrentRequests: fc.integer({ min: 1, max: 3 }),
    });
  })
  .map((drawn) =>
    matchingInput({
      weekCount: drawn.weekCount,
      policy: { ...DEFAULT_POLICY, maxConcurrentRequests: drawn.maxConcurrentRequests },
      organisations: drawn.organisations.map((fields, index) => organisation({ id: `o${index}`, ...fields })),
      analysts: drawn.analysts.map((fields, index) =>
        analyst(drawn.weekCount, {
          id: `a${index}`,
          organisationId: `o${fields.organisation}`,
          capacity: fields.capacity,
          bookedRequestCount: fields.booked,
          skills: fields.skills,
          aspirations: fields.aspirations,
        }),
      ),
      requests: drawn.requests.map((fields, index) =>
        request({
          id: `r${index}`,
          organisationId: `o${fields.organisation}`,
          required: fields.required,
          desired: fields.desired,
          fte: fields.fte,
          startWeek: Math.min(...fields.weeks),
          endWeek: Math.max(...fields.weeks),
          openToDevelopment: fields.openToDevelopment,
          submittedAt: new Date(Date.UTC(2026, 10, fields.submittedDay)).toISOString(),
        }),
      ),
    }),
  );
