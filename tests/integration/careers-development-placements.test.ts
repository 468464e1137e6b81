import { beforeAll, describe, expect, it } from 'vitest';
import { startCareersApp } from '../fixtures/careers-scenario.ts';
import { errorCodes } from '../fixtures/api-client.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

const setup = useScenarioApp(startCareersApp);

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
  const request = setup.careers.requests.frailtyModel;
  const base = { icsId: setup.scenario.ics.id, requestId: request.id, startWeek: request.startWeek, endWeek: request.endWeek };
  const mentor = await setup.database.prisma.allocation.create({ data: { ...base, analystId: setup.careers.mentor.id, fte: 0.2, kind: 'MENTOR' } });
  await setup.database.prisma.allocation.create({
    data: { ...base, analystId: setup.scenario.analysts.hospiceAnalyst.id, fte: 0.2, kind: 'DEVELOPMENT', mentorAllocationId: mentor.id },
  });
  // A declined placement gave nobody any development.
  await setup.database.prisma.allocation.create({
    data: { ...base, analystId: setup.scenario.analysts.acuteAnalyst.id, fte: 0.1, kind: 'DEVELOPMENT', status: 'DECLINED' },
  });
});

describe('development placements across the ICS', () => {
  it('counts placements by band and home organisation and lists them with their mentor, for a workforce lead', async () => {
    const lead = await setup.signIn(setup.scenario.users.workforceLead);
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
    const lead = await setup.signIn(setup.scenario.users.workforceLead);
    const later = await lead.execute(REPORT, { fromWeek: '2027-06-07', toWeek: '2027-12-27' });
    expect(later.data!.developmentPlacements.total).toBe(0);
    const backwards = await lead.execute(REPORT, { fromWeek: '2027-06-07', toWeek: '2027-01-04' });
    expect(errorCodes(backwards)).toEqual(['VALIDATION_FAILED']);
  });

  it('is FORBIDDEN to organisation leads and analysts', async () => {
    for (const user of [setup.scenario.users.acuteLead, setup.scenario.users.hospiceAnalyst]) {
      const result = await (await setup.signIn(user)).execute(REPORT);
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    }
  });
});
