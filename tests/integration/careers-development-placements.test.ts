import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../api/src/app.ts';
import { startCareersApp, type CareersScenario } from '../fixtures/careers-scenario.ts';
import type { IcsScenario } from '../fixtures/ics-scenario.ts';
import { ApiClient, errorCodes } from '../fixtures/api-client.ts';
import type { TestDatabase } from '../support/database.ts';

let database: TestDatabase;
let scenario: IcsScenario;
let app: App;

const REPORT = /* GraphQL */ `
  query ($fromWeek: Date, $toWeek: Date) {
    developmentPlacements(fromWeek: $fromWeek, toWeek: $toWeek) {
      total
      byBand { band placements }
      byOrganisation { organisationName analystCount placements analystsPlaced }
      placements { analystName band homeOrganisationName requestTitle requestingOrganisationName status mentorName }
    }
  }
`;

beforeAll(async () => {
  let careers: CareersScenario;
  ({ database, scenario, app, careers } = await startCareersApp());
  const request = careers.requests.frailtyModel;
  const base = { icsId: scenario.ics.id, requestId: request.id, startWeek: request.startWeek, endWeek: request.endWeek };
  const mentor = await database.prisma.allocation.create({ data: { ...base, analystId: careers.mentor.id, fte: 0.2, kind: 'MENTOR' } });
  await database.prisma.allocation.create({
    data: { ...base, analystId: scenario.analysts.hospiceAnalyst.id, fte: 0.2, kind: 'DEVELOPMENT', mentorAllocationId: mentor.id },
  });
  // A declined placement gave nobody any development.
  await database.prisma.allocation.create({
    data: { ...base, analystId: scenario.analysts.acuteAnalyst.id, fte: 0.1, kind: 'DEVELOPMENT', status: 'DECLINED' },
  });
});

afterAll(async () => {
  await database?.drop();
});

describe('development placements across the ICS', () => {
  it('counts placements by band and home organisation and lists them with their mentor, for a workforce lead', async () => {
    const lead = await new ApiClient(app.yoga).signInAs(scenario.users.workforceLead);
    const result = await lead.execute(REPORT);
    expect(result.errors).toBeUndefined();
    expect(result.data!.developmentPlacements).toEqual({
      total: 1,
      byBand: [{ band: 'BAND_6', placements: 1 }],
      byOrganisation: [
        { organisationName: 'Riverside ICB', analystCount: 1, placements: 0, analystsPlaced: 0 },
        { organisationName: 'Riverside University Hospitals', analystCount: 1, placements: 0, analystsPlaced: 0 },
        { organisationName: 'St Brigid’s Hospice', analystCount: 1, placements: 1, analystsPlaced: 1 },
      ],
      placements: [
        {
          analystName: 'Aisha Khan',
          band: 'BAND_6',
          homeOrganisationName: 'St Brigid’s Hospice',
          requestTitle: 'Frailty risk model',
          requestingOrganisationName: 'Riverside University Hospitals',
          status: 'PROPOSED',
          mentorName: 'Maya Patel',
        },
      ],
    });
  });

  it('narrows to the weeks asked for and checks them', async () => {
    const lead = await new ApiClient(app.yoga).signInAs(scenario.users.workforceLead);
    const later = await lead.execute(REPORT, { fromWeek: '2027-06-07', toWeek: '2027-12-27' });
    expect(later.data!.developmentPlacements.total).toBe(0);
    const backwards = await lead.execute(REPORT, { fromWeek: '2027-06-07', toWeek: '2027-01-04' });
    expect(errorCodes(backwards)).toEqual(['VALIDATION_FAILED']);
  });

  it('is FORBIDDEN to organisation leads and analysts', async () => {
    for (const user of [scenario.users.acuteLead, scenario.users.hospiceAnalyst]) {
      const result = await (await new ApiClient(app.yoga).signInAs(user)).execute(REPORT);
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    }
  });
});
