import { beforeEach, describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { analystOfUser, demoPeople, draftVisibility, firstAnalyst, visibilityOf } from './support/demo-data.ts';
import { browseDirectory } from './support/directory.ts';
import { useJourney } from './support/journey.ts';
import { expectProfile, openProfileFromDirectory } from './support/profile.ts';
import { browseProjects } from './support/projects.ts';
import { expectSignedInAs, pageHeading, signIn } from './support/session.ts';

describe('an analyst', () => {
  const journey = useJourney();
  const me = demoPeople.analyst;
  beforeEach(() => signIn(journey.page, me.email));

  test('signs in and sees their name, their role and the areas open to them', async () => {
    const { page } = journey;
    await pageHeading(page, `Welcome, ${me.name}`).waitFor();
    await expectSignedInAs(page, me, 'Analyst', ['Home', 'Analysts', 'Projects', 'Allocations', 'My profile', 'Opportunities', 'Careers', 'Insight']);
    await expectNoAxeViolations(page);
  });

  test('finds analysts by name, organisation and skill, a page at a time', async () => {
    const { page, prisma } = journey;
    await browseDirectory(page, prisma, me.organisation);
  });

  test('opens their own profile from the home page and sees all of it', async () => {
    const { page, prisma } = journey;
    const myself = await analystOfUser(prisma, me.email);
    await page.getByRole('main').getByRole('link', { name: 'your profile', exact: true }).click();
    await expectProfile(page, myself, { personalDetails: true });
  });

  test("sees a colleague's skills but not their contact details or availability", async () => {
    const { page, prisma } = journey;
    const myself = await analystOfUser(prisma, me.email);
    const colleague = await firstAnalyst(prisma, { organisation: { name: me.organisation }, id: { not: myself.id } });
    await openProfileFromDirectory(page, colleague);
    await expectProfile(page, colleague, { personalDetails: false });
  });

  test('browses projects without any drafts and opens one', async () => {
    const { page, prisma } = journey;
    const visibility = await visibilityOf(prisma, me.email);
    expect((await draftVisibility(prisma, visibility)).hidden, 'the demo holds drafts kept from analysts').toBeGreaterThan(0);
    await browseProjects(page, prisma, visibility);
  });
});
