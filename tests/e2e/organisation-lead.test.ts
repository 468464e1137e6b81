import { beforeEach, describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { demoPeople, draftVisibility, firstAnalyst, visibilityOf } from './support/demo-data.ts';
import { browseDirectory } from './support/directory.ts';
import { useJourney } from './support/journey.ts';
import { expectProfile, openProfileFromDirectory } from './support/profile.ts';
import { browseProjects } from './support/projects.ts';
import { expectSignedInAs, pageHeading, signIn } from './support/session.ts';

describe('an organisation lead', () => {
  const journey = useJourney();
  const me = demoPeople.acuteLead;
  beforeEach(() => signIn(journey.page, me.email));

  test('signs in and sees their name, their role and the areas open to them', async () => {
    const { page } = journey;
    await pageHeading(page, `Welcome, ${me.name}`).waitFor();
    await expectSignedInAs(page, me, 'Organisation lead', ['Home', 'Analysts', 'Projects', 'My projects', 'Allocations', 'Careers', 'Insight', 'Import and export']);
    await expectNoAxeViolations(page);
  });

  test('is told the organisations page is for workforce leads', async () => {
    const { page } = journey;
    await page.goto('/organisations');
    await pageHeading(page, 'You do not have access to this page').waitFor();
    await page.getByText('This part of Analyst Pool is for').waitFor();
    await expectNoAxeViolations(page);
  });

  test('finds analysts by name, organisation and skill, a page at a time', async () => {
    const { page, prisma } = journey;
    await browseDirectory(page, prisma, me.organisation);
  });

  test("sees their own organisation's analyst with contact details and availability", async () => {
    const { page, prisma } = journey;
    const analyst = await firstAnalyst(prisma, { organisation: { name: me.organisation } });
    await openProfileFromDirectory(page, analyst);
    await expectProfile(page, analyst, { personalDetails: true });
  });

  test("sees another organisation's analyst without contact details or availability", async () => {
    const { page, prisma } = journey;
    const analyst = await firstAnalyst(prisma, { organisation: { name: { not: me.organisation } } });
    await openProfileFromDirectory(page, analyst);
    await expectProfile(page, analyst, { personalDetails: false });
  });

  test("browses projects, with other organisations' drafts left out, and opens one", async () => {
    const { page, prisma } = journey;
    const visibility = await visibilityOf(prisma, me.email);
    const drafts = await draftVisibility(prisma, visibility);
    expect(drafts.visibleDrafts, "the demo holds drafts of the lead's own organisation").toBeGreaterThan(0);
    expect(drafts.hidden, "the demo holds other organisations' drafts").toBeGreaterThan(0);
    await browseProjects(page, prisma, visibility);
  });
});
