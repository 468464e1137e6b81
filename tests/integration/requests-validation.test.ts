import { beforeAll, describe, expect, it } from 'vitest';
import type { IcsScenario } from '../fixtures/ics-scenario.ts';
import { startScenarioApp } from '../fixtures/scenario-app.ts';
import { ApiClient } from '../fixtures/api-client.ts';
import { CREATE_REQUEST, failure, requestInput, UPDATE_REQUEST, writtenState } from '../fixtures/project-operations.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

const setup = useScenarioApp(startScenarioApp);

let lead: ApiClient;
/** A second draft in the hospice's active project, so "a title the project already uses" applies to updates too. */
let secondDraftId: string;

beforeAll(async () => {
  lead = await setup.signIn(setup.scenario.users.hospiceLead);
  const secondDraft = await setup.database.prisma.request.create({
    data: {
      icsId: setup.scenario.ics.id,
      projectId: setup.scenario.projects.hospiceActive.id,
      title: 'Hospice at home demand',
      fte: 0.2,
      startWeek: new Date('2027-01-04T00:00:00Z'),
      endWeek: new Date('2027-01-25T00:00:00Z'),
    },
  });
  secondDraftId = secondDraft.id;
});

type Overrides = (scenario: IcsScenario) => Record<string, unknown>;

// TEST_TODAY is Monday 23 November 2026.
const invalidInputs: [string, Overrides, (string | number)[], string | RegExp][] = [
  ['a blank title', () => ({ title: '  ' }), ['input', 'title'], 'Enter a title for the request'],
  ['a title that is too long', () => ({ title: 'x'.repeat(201) }), ['input', 'title'], 'Title must be 200 characters or fewer'],
  ['a description that is too long', () => ({ description: 'x'.repeat(4001) }), ['input', 'description'], 'Description must be 4,000 characters or fewer'],
  ['no must-have skill', () => ({ requiredSkills: [] }), ['input', 'requiredSkills'], 'Add at least one must-have skill'],
  [
    'an unknown skill',
    () => ({ requiredSkills: [{ skillId: '6f1c8a7e-0000-4000-8000-000000000000', level: 2 }] }),
    ['input', 'requiredSkills', 0, 'skillId'],
    'Choose a skill from your ICS’s skills list',
  ],
  ['a skill id that is not an id', () => ({ desiredSkills: [{ skillId: 'sql', level: 2 }] }), ['input', 'desiredSkills', 0, 'skillId'], 'Not a valid id.'],
  [
    'the same skill twice',
    ({ skills }) => ({ requiredSkills: [{ skillId: skills.sql.id, level: 3 }], desiredSkills: [{ skillId: skills.sql.id, level: 4 }] }),
    ['input', 'desiredSkills', 0, 'skillId'],
    'SQL is already listed; list each skill once, as must-have or desired',
  ],
  ['a level below 1', ({ skills }) => ({ requiredSkills: [{ skillId: skills.sql.id, level: 0 }] }), ['input', 'requiredSkills', 0, 'level'], 'Choose a level from 1 (Awareness) to 4 (Expert)'],
  ['a level above 4', ({ skills }) => ({ desiredSkills: [{ skillId: skills.dashboards.id, level: 5 }] }), ['input', 'desiredSkills', 0, 'level'], 'Choose a level from 1 (Awareness) to 4 (Expert)'],
  ['an FTE of 0', () => ({ fte: 0 }), ['input', 'fte'], 'FTE must be more than 0'],
  ['a negative FTE', () => ({ fte: -0.2 }), ['input', 'fte'], 'FTE must be more than 0'],
  ['an FTE above 1', () => ({ fte: 1.1 }), ['input', 'fte'], 'FTE must be 1 or less (a full-time week)'],
  ['an FTE not in tenths', () => ({ fte: 0.25 }), ['input', 'fte'], 'FTE must be in steps of 0.1 (half a day a week), for example 0.3'],
  ['an end week before the start week', () => ({ startWeek: '2027-02-01', endWeek: '2027-01-25' }), ['input', 'endWeek'], 'The end week must be the same as or after the start week'],
  ['a start week in the past', () => ({ startWeek: '2026-11-20', endWeek: '2027-01-04' }), ['input', 'startWeek'], 'The start week must be this week or later'],
  ['a title the project already uses', ({ requests }) => ({ title: requests.hospiceDraft.title }), ['input', 'title'], /already has a request with this title/],
];

describe('createRequest validation', () => {
  it.each(invalidInputs)('refuses %s with a field error at its path and writes nothing', async (_case, overrides, path, message) => {
    const before = await writtenState(setup.database.prisma);
    const response = await lead.execute(CREATE_REQUEST, {
      projectId: setup.scenario.projects.hospiceActive.id,
      input: requestInput(setup.scenario, overrides(setup.scenario)),
    });
    const { code, fields } = failure(response);
    expect(code).toBe('VALIDATION_FAILED');
    expect(fields).toHaveLength(1);
    expect(fields[0]!.path).toEqual(path);
    expect(fields[0]!.message).toMatch(message);
    expect(await writtenState(setup.database.prisma)).toEqual(before);
  });

  it("refuses another ICS's skill as unknown", async () => {
    const otherSkill = await setup.database.prisma.skill.create({
      data: { icsId: setup.scenario.otherIcs.ics.id, name: 'Geospatial analysis', category: 'GEOSPATIAL', description: 'Maps.' },
    });
    const before = await writtenState(setup.database.prisma);
    const { code, fields } = failure(
      await lead.execute(CREATE_REQUEST, {
        projectId: setup.scenario.projects.hospiceActive.id,
        input: requestInput(setup.scenario, { desiredSkills: [{ skillId: otherSkill.id, level: 2 }] }),
      }),
    );
    expect(code).toBe('VALIDATION_FAILED');
    expect(fields).toEqual([{ path: ['input', 'desiredSkills', 0, 'skillId'], message: 'Choose a skill from your ICS’s skills list' }]);
    expect(await writtenState(setup.database.prisma)).toEqual(before);
  });

  it('reports every problem at once, in the order of the form', async () => {
    const { fields } = failure(
      await lead.execute(CREATE_REQUEST, {
        projectId: setup.scenario.projects.hospiceActive.id,
        input: requestInput(setup.scenario, { title: '', requiredSkills: [], fte: 2, startWeek: '2027-02-01', endWeek: '2027-01-04' }),
      }),
    );
    expect(fields.map(({ path }) => path.at(-1))).toEqual(['title', 'requiredSkills', 'fte', 'endWeek']);
  });

  it('accepts a window of one week starting this week, and FTE of exactly 1 and 0.1', async () => {
    for (const fte of [1, 0.1]) {
      const response = await lead.execute(CREATE_REQUEST, {
        projectId: setup.scenario.projects.hospiceActive.id,
        input: requestInput(setup.scenario, { fte, startWeek: '2026-11-25', endWeek: '2026-11-29' }),
      });
      expect(response.errors, response.text).toBeUndefined();
      expect(response.data!['createRequest']).toMatchObject({ fte, startWeek: '2026-11-23', endWeek: '2026-11-23' });
    }
  });
});

describe('updateRequest validation', () => {
  it.each(invalidInputs)('refuses %s with the same field error and changes nothing', async (_case, overrides, path, message) => {
    const before = await writtenState(setup.database.prisma);
    const { code, fields } = failure(
      await lead.execute(UPDATE_REQUEST, {
        id: secondDraftId,
        version: 1,
        input: requestInput(setup.scenario, overrides(setup.scenario)),
      }),
    );
    expect(code).toBe('VALIDATION_FAILED');
    expect(fields[0]!.path).toEqual(path);
    expect(fields[0]!.message).toMatch(message);
    expect(await writtenState(setup.database.prisma)).toEqual(before);
  });
});

