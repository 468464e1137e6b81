import { beforeEach, describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { demoPeople, draftVisibility, firstAnalyst, visibilityOf } from './support/demo-data.ts';
import { browseDirectory } from './support/directory.ts';
import { useJourney, WAIT_MS } from './support/journey.ts';
import { expectProfile, openProfileFromDirectory } from './support/profile.ts';
import { expectFound, resultsTable } from './support/results.ts';
import { browseProjects } from './support/projects.ts';
import { expectSignedInAs, navigateTo, pageHeading, signIn } from './support/session.ts';

describe('an ICS workforce lead', () => {
  const journey = useJourney();
  const me = demoPeople.workforceLead;
  beforeEach(() => signIn(journey.page, me.email));

  test('signs in and sees their name, their role and every area of the service', async () => {
    const { page } = journey;
    await pageHeading(page, `Welcome, ${me.name}`).waitFor();
    await expectSignedInAs(page, me, 'ICS workforce lead', ['Home', 'Analysts', 'Organisations', 'Projects', 'My projects', 'Allocations', 'Matching', 'Careers', 'Insight', 'Import and export', 'Audit log', 'Users']);
    await expectNoAxeViolations(page);
  });

  test('finds analysts by name, organisation and skill, a page at a time', async () => {
    const { page, prisma } = journey;
    await browseDirectory(page, prisma, me.organisation);
  });

  test("sees any analyst's skills with levels, and their contact details and availability", async () => {
    const { page, prisma } = journey;
    const analyst = await firstAnalyst(prisma, { organisation: { name: { not: me.organisation } } });
    await openProfileFromDirectory(page, analyst);
    await expectProfile(page, analyst, { personalDetails: true });
  });

  test('lists the partner organisations of the ICS', async () => {
    const { page, prisma } = journey;
    const organisations = await prisma.organisation.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { name: true } });
    await navigateTo(page, 'Organisations');
    await expectFound(page, organisations.length, ['organisation', 'organisations']);
    const table = resultsTable(page, 'Organisations', 1);
    await expect
      .poll(() => table.getByRole('rowheader').allInnerTexts(), { timeout: WAIT_MS })
      .toEqual(organisations.slice(0, 25).map(({ name }) => name));
    await expectNoAxeViolations(page);
  });

  test('browses every project, drafts included, and opens one', async () => {
    const { page, prisma } = journey;
    const visibility = await visibilityOf(prisma, me.email);
    expect((await draftVisibility(prisma, visibility)).visibleDrafts, 'the demo holds drafts a workforce lead sees').toBeGreaterThan(0);
    await browseProjects(page, prisma, visibility);
  });
});
