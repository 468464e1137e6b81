import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { demoPeople } from './support/demo-data.ts';
import { useJourney, WAIT_MS } from './support/journey.ts';
import { pageHeading, signIn } from './support/session.ts';

const insightNavigation = (page: Page) => page.getByRole('navigation', { name: 'Insight' });

/** Follows "Insight" in the main navigation, from the header's "More" menu when it did not fit in the bar. */
async function openInsight(page: Page, heading: string) {
  const navigation = page.getByRole('navigation', { name: 'Main' });
  await navigation.getByRole('link', { name: 'Insight', exact: true, includeHidden: true }).first().waitFor({ state: 'attached' });
  const link = navigation.getByRole('link', { name: 'Insight', exact: true });
  if ((await link.count()) === 0) await navigation.getByRole('button', { name: /More/ }).click();
  await link.click();
  await pageHeading(page, heading).waitFor();
}

async function openReport(page: Page, link: string, heading = link) {
  await insightNavigation(page).getByRole('link', { name: link, exact: true }).click();
  await pageHeading(page, heading).waitFor();
}

/** Follows a "Download as CSV" link and parses the file the browser saved. */
async function downloadCsv(page: Page): Promise<Record<string, string>[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download as CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  return parse(await readFile((await download.path())!, 'utf8'), { columns: true });
}

describe('insight reports', () => {
  const journey = useJourney();

  test('a workforce lead reads capacity against demand as a heatmap and a table, filters it and downloads it', async () => {
    const { page, prisma } = journey;
    await signIn(page, demoPeople.workforceLead.email);
    await openInsight(page, 'Capacity and demand');
    const skills = await prisma.skill.count();
    const table = page.getByRole('table', { name: 'Supply and demand by skill, in FTE', exact: true });
    await expect.poll(() => table.getByRole('rowheader').count(), { timeout: WAIT_MS }).toBe(skills);
    await page.getByRole('img', { name: /Heatmap of shortfall by skill and month at 3 Practitioner or above/ }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel('Lowest level that counts').selectOption('1');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('img', { name: /at 1 Awareness or above/ }).waitFor();
    expect(page.url()).toContain('level=1');

    const rows = await downloadCsv(page);
    expect(rows.filter((row) => row.group === 'skill')).toHaveLength(skills * 6);
    expect(new Set(rows.map((row) => row.min_level))).toEqual(new Set(['1']));
  });

  test('a workforce lead reads the fairness report and closes a period after confirming', async () => {
    const { page, prisma } = journey;
    await signIn(page, demoPeople.workforceLead.email);
    await openInsight(page, 'Capacity and demand');
    await openReport(page, 'Fairness');
    const organisations = await prisma.organisation.count();
    const table = page.getByRole('table', { name: 'Fairness by organisation, in FTE-weeks' });
    await expect.poll(() => table.getByRole('rowheader').count(), { timeout: WAIT_MS }).toBe(organisations);
    await page.getByRole('img', { name: /Line chart of each organisation’s satisfaction by month/ }).waitFor();
    expect(await downloadCsv(page)).toHaveLength(organisations);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Close the period?' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Yes, close the period' }).click();
    await page.getByRole('status').filter({ hasText: /is closed\.$/ }).waitFor();
    await page.getByText(/a closed period: these figures are frozen/).waitFor();
    const periods = page.getByRole('table', { name: 'Closed periods, latest first' });
    await periods.getByRole('cell', { name: demoPeople.workforceLead.name }).waitFor();
    expect(await prisma.fairnessPeriod.count()).toBe(1);
    expect(await prisma.fairnessPeriodBalance.count()).toBe(organisations);
    await expectNoAxeViolations(page);
  });

  test('a workforce lead sees every analyst’s utilisation and narrows it to one organisation', async () => {
    const { page, prisma } = journey;
    await signIn(page, demoPeople.workforceLead.email);
    await page.goto('/insight/utilisation');
    await pageHeading(page, 'Utilisation').waitFor();
    const analysts = page.getByRole('table', { name: 'By analyst: allocated of allocatable FTE' });
    const count = await prisma.analyst.count({ where: { status: 'ACTIVE' } });
    await expect.poll(() => analysts.getByRole('row').count(), { timeout: WAIT_MS }).toBe(count + 1);
    await page.getByRole('heading', { name: 'Needs attention' }).waitFor();
    await page.getByRole('table', { name: 'Totals by month, in FTE' }).waitFor();

    const organisation = demoPeople.workforceLead.organisation;
    await page.getByLabel('Organisation').selectOption({ label: organisation });
    await page.getByRole('button', { name: 'Show' }).click();
    const own = await prisma.analyst.count({ where: { status: 'ACTIVE', organisation: { name: organisation } } });
    await expect.poll(() => analysts.getByRole('row').count(), { timeout: WAIT_MS }).toBe(own + 1);
    // Axe on one organisation's report: the same components as the whole ICS's, without thousands of cells.
    await expectNoAxeViolations(page);
  });

  test('an organisation lead sees the same fairness report, cannot close it, and sees only their own analysts’ utilisation', async () => {
    const { page, prisma } = journey;
    const me = demoPeople.hospiceLead;
    await signIn(page, me.email);
    await openInsight(page, 'Capacity and demand');
    await openReport(page, 'Fairness');
    await page.getByRole('table', { name: 'Fairness by organisation, in FTE-weeks' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Close a period' }).count()).toBe(0);

    await openReport(page, 'Utilisation');
    const analysts = page.getByRole('table', { name: 'By analyst: allocated of allocatable FTE' });
    const own = await prisma.analyst.count({ where: { status: 'ACTIVE', organisation: { name: me.organisation } } });
    await expect.poll(() => analysts.getByRole('row').count(), { timeout: WAIT_MS }).toBe(own + 1);
    const organisations = page.getByRole('table', { name: 'By organisation: allocated of allocatable FTE' });
    expect(await organisations.getByRole('rowheader').allInnerTexts()).toEqual([expect.stringContaining(me.organisation)]);
  });

  test('an analyst sees the fairness report only', async () => {
    const { page } = journey;
    await signIn(page, demoPeople.analyst.email);
    await openInsight(page, 'Fairness');
    expect(await insightNavigation(page).getByRole('link').allInnerTexts()).toEqual(['Fairness']);
    await expectNoAxeViolations(page);
    await page.goto('/insight/capacity');
    await pageHeading(page, 'You do not have access to this page').waitFor();
  });
});
