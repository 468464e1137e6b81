import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, test } from 'vitest';
import { skillLevelLabel } from '../../api/src/domain/skill-levels.ts';
import { findOpportunities } from '../../api/src/services/careers/opportunities.ts';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { demoPeople } from './support/demo-data.ts';
import { useJourney } from './support/journey.ts';
import { navigateTo, pageHeading, signIn } from './support/session.ts';

async function saveProfile(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save my profile' }).click();
  await page.getByText('Your profile is saved.').waitFor();
}

describe('an analyst growing their career', () => {
  const journey = useJourney();
  const me = demoPeople.analyst;
  beforeEach(() => signIn(journey.page, me.email));

  test('aims higher, finds a development placement that grows the skill, expresses interest and sees the gap to their target role', async () => {
    const { page, prisma } = journey;
    const user = await prisma.user.findUniqueOrThrow({ where: { email: me.email }, select: { icsId: true, analystId: true } });
    const analystId = user.analystId!;
    // The demo data's own answer, used only to choose what to look for.
    const developmentPlacement = (await findOpportunities(prisma, { icsId: user.icsId, analystId }, new Date())).find(
      (opportunity) => opportunity.kind === 'DEVELOPMENT',
    );
    expect(developmentPlacement, 'the demo offers the analyst a development placement').toBeDefined();
    const { development, title, requestId } = developmentPlacement!;
    const aim = (await prisma.aspiration.findFirstOrThrow({ where: { analystId, skillId: development!.skillId } })).targetLevel;
    const role = await prisma.roleProfile.findFirstOrThrow({ where: { icsId: user.icsId }, orderBy: [{ band: 'desc' }, { name: 'asc' }] });

    await navigateTo(page, 'My profile', 'My skills and aspirations');
    await expectNoAxeViolations(page);
    const aimField = page.getByLabel(`${development!.skillName}: level you aim for`, { exact: true });
    await aimField.selectOption({ label: 'No aim' });
    await saveProfile(page);
    await navigateTo(page, 'Opportunities');
    await page.getByRole('table').or(page.getByText('No opportunities right now')).first().waitFor();
    await expect.poll(() => page.getByRole('link', { name: title, exact: true }).count()).toBe(0);

    await navigateTo(page, 'My profile', 'My skills and aspirations');
    await aimField.selectOption({ label: skillLevelLabel(aim) });
    await page.getByLabel('Target role', { exact: true }).selectOption({ value: role.id });
    await saveProfile(page);

    await navigateTo(page, 'Opportunities');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title, exact: true }) });
    await expect.poll(() => row.textContent()).toContain('Development placement');
    await expectNoAxeViolations(page);
    await row.getByRole('link', { name: title, exact: true }).click();
    await pageHeading(page, title).waitFor();
    await page.getByText(/could mentor you|needs one before you can be placed/).first().waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Express interest' }).click();
    await page.getByRole('button', { name: 'Withdraw interest' }).waitFor();
    expect(await prisma.interest.count({ where: { analystId, requestId } })).toBe(1);

    await navigateTo(page, 'Careers', 'My career');
    await page.getByRole('heading', { name: new RegExp(`^Towards ${role.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).waitFor();
    await page.getByRole('img', { name: /Bar chart of your level/ }).waitFor();
    await page.getByRole('table', { name: `Your skills against ${role.name}` }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: /calendar link$/ }).click();
    const link = await page.locator('code.app-secret-link').textContent();
    const feed = await page.request.get(link!);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    await expectNoAxeViolations(page);
  });
});

describe('an organisation lead', () => {
  const journey = useJourney();
  beforeEach(() => signIn(journey.page, demoPeople.acuteLead.email));

  test('finds where to give feedback on completed work', async () => {
    const { page } = journey;
    await navigateTo(page, 'Careers');
    await page.getByRole('heading', { name: 'Feedback on completed work' }).waitFor();
    await page.getByText(/No completed work is waiting|How did the work go\?/).first().waitFor();
    await expectNoAxeViolations(page);
  });
});

describe('a workforce lead', () => {
  const journey = useJourney();
  beforeEach(() => signIn(journey.page, demoPeople.workforceLead.email));

  test('sees development placements across the ICS and the role profiles', async () => {
    const { page } = journey;
    await navigateTo(page, 'Careers');
    await page.getByRole('heading', { name: 'Development placements' }).waitFor();
    await page.getByRole('table', { name: 'Steps on the career pathway' }).waitFor();
    await expectNoAxeViolations(page);
  });
});
