import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { changeUserAccess } from '../../api/src/services/user-access.ts';
import { ApiClient, errorCodes, LOGIN, ME } from '../fixtures/api-client.ts';
import { COMMIT_IMPORT, csvFile, exportFile } from '../fixtures/csv-files.ts';
import { SCENARIO_PASSWORD } from '../fixtures/ics-scenario.ts';
import { startScenarioApp } from '../fixtures/scenario-app.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

const setup = useScenarioApp(startScenarioApp, ({ scenario }) => ({ workforceLead: scenario.users.workforceLead }));
const PROTECTED = '{ analysts { totalCount } }';

async function sessionCount(userId: string): Promise<number> {
  return setup.database.prisma.session.count({ where: { userId } });
}

/** The scenario's analysts file with one analyst's organisation changed, as a workforce lead would edit it. */
async function analystsFileMoving(email: string, organisationName: string): Promise<string> {
  const [header, ...rows] = parse(await exportFile(setup.clients.workforceLead, 'ANALYSTS'), { bom: true }) as string[][];
  const moved = rows.map((row) => (row[0] === email ? row.map((cell, column) => (header![column] === 'organisation' ? organisationName : cell)) : row));
  return csvFile(header!.join(','), moved);
}

describe('sessions end when access changes', () => {
  it('an analyst moved to another organisation by an import takes the new organisation and signs in again', async () => {
    const { users, organisations } = setup.scenario;
    const moving = await setup.signIn(users.acuteAnalyst);
    const staying = await setup.signIn(users.hospiceAnalyst);
    const csv = await analystsFileMoving(users.acuteAnalyst.email, organisations.hospice.name);

    const result = await setup.clients.workforceLead.execute(COMMIT_IMPORT, { kind: 'ANALYSTS', csv });

    expect(result.errors).toBeUndefined();
    expect(result.data!.commitImport).toMatchObject({ updated: 1, problemCount: 0 });
    expect(errorCodes(await moving.execute(PROTECTED))).toEqual(['UNAUTHENTICATED']);
    expect(await sessionCount(users.acuteAnalyst.id)).toBe(0);
    expect(errorCodes(await staying.execute(PROTECTED))).toEqual([]);

    const again = await setup.signIn(users.acuteAnalyst);
    expect((await again.execute(ME)).data?.me.organisation).toEqual({ id: organisations.hospice.id });
  });

  it('importing an unchanged file ends no session', async () => {
    const analyst = await setup.signIn(setup.scenario.users.acuteAnalyst);
    const csv = await exportFile(setup.clients.workforceLead, 'ANALYSTS');

    const result = await setup.clients.workforceLead.execute(COMMIT_IMPORT, { kind: 'ANALYSTS', csv });

    expect(result.data!.commitImport).toMatchObject({ updated: 0 });
    expect(errorCodes(await analyst.execute(PROTECTED))).toEqual([]);
  });

  it.each([
    ['a new role', () => ({ role: 'WORKFORCE_LEAD' as const })],
    ['another organisation', () => ({ organisationId: setup.scenario.organisations.icb.id })],
  ])('a user given %s is signed out everywhere, never kept with the old access', async (_change, accessChange) => {
    const { prisma } = setup.database;
    const access = accessChange();
    const user = await prisma.user.create({
      data: {
        icsId: setup.scenario.ics.id,
        email: `changing.${Object.keys(access)[0]!.toLowerCase()}@riverside.example`,
        name: 'Changing Lead',
        role: 'ORGANISATION_LEAD',
        organisationId: setup.scenario.organisations.hospice.id,
        passwordHash: (await prisma.user.findUniqueOrThrow({ where: { id: setup.scenario.users.hospiceLead.id } })).passwordHash,
      },
    });
    const devices = [await setup.signIn(user), await setup.signIn(user)];

    await prisma.$transaction((tx) => changeUserAccess(tx, [user.id], access));

    for (const device of devices) expect(errorCodes(await device.execute(PROTECTED))).toEqual(['UNAUTHENTICATED']);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject(access);
  });

  it('a disabled user is signed out and cannot sign in again', async () => {
    const { users } = setup.scenario;
    const lead = await setup.signIn(users.acuteLead);

    await setup.database.prisma.$transaction((tx) => changeUserAccess(tx, [users.acuteLead.id], { disabled: true }));

    expect(errorCodes(await lead.execute(PROTECTED))).toEqual(['UNAUTHENTICATED']);
    const again = await new ApiClient(setup.app.yoga).execute(LOGIN, { email: users.acuteLead.email, password: SCENARIO_PASSWORD });
    expect(errorCodes(again)).toEqual(['INVALID_CREDENTIALS']);
  });

  it('keeps the sessions when the change is rolled back with its transaction', async () => {
    const { users } = setup.scenario;
    const lead = await setup.signIn(users.hospiceLead);

    const failed = setup.database.prisma.$transaction(async (tx) => {
      await changeUserAccess(tx, [users.hospiceLead.id], { role: 'ANALYST' });
      throw new Error('the rest of the change failed');
    });

    await expect(failed).rejects.toThrow('the rest of the change failed');
    expect((await lead.execute(ME)).data?.me).toMatchObject({ id: users.hospiceLead.id, role: 'ORGANISATION_LEAD' });
  });
});
