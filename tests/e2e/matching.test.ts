import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { demoPeople } from './support/demo-data.ts';
import { useJourney, WAIT_MS } from './support/journey.ts';
import { navigateTo, pageHeading, signIn } from './support/session.ts';

/** A solve of the whole demo ICS runs in a worker; allow for a cold start on a busy machine. */
const RUN_WAIT_MS = 90_000;

describe('matching, for an ICS workforce lead', () => {
  const journey = useJourney();

  test('runs matching over the default window and reads the proposals, their reasons and the fairness of the run', async () => {
    const { page, prisma } = journey;
    await signIn(page, demoPeople.workforceLead.email);
    await navigateTo(page, 'Matching');
    await page.getByText('No matching has been run yet.').waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Run matching' }).click();
    await pageHeading(page, /^Matching run/).waitFor({ timeout: RUN_WAIT_MS });

    const run = await prisma.matchingRun.findFirstOrThrow({ orderBy: { createdAt: 'desc' }, include: { _count: { select: { allocations: true } } } });
    expect(run.status, run.error ?? '').toBe('SUCCEEDED');
    expect(run._count.allocations, 'the demo ICS has open requests and analysts with time').toBeGreaterThan(0);

    const metrics = page.getByRole('table', { name: 'Run metrics: engine and baseline' });
    await metrics.getByRole('row', { name: /Analysts over capacity/ }).waitFor();
    expect(await metrics.getByRole('row', { name: /Analysts over capacity/ }).getByRole('cell').allInnerTexts()).toEqual([
      expect.stringMatching(/0$/),
      expect.stringMatching(/0$/),
    ]);

    const outcomes = (run.metrics as { organisations: unknown[] }).organisations;
    const fairness = page.getByRole('table', { name: 'Fairness by organisation, in FTE-weeks' });
    await expect.poll(() => fairness.getByRole('rowheader').count(), { timeout: WAIT_MS }).toBe(outcomes.length);
    const chart = page.getByRole('img', { name: /Bar chart of fair claim/ });
    await expect.poll(() => chart.locator('.recharts-bar-rectangle').count(), { timeout: WAIT_MS }).toBeGreaterThan(0);

    await page.getByRole('heading', { level: 2, name: 'Proposals by request' }).waitFor();
    const firstProposal = page.locator('.nhsuk-card').first();
    await firstProposal.getByText('Skill fit').waitFor();
    await firstProposal.getByText('Why not the next').waitFor();
    await firstProposal.getByText('Fairness').waitFor();
    await expectNoAxeViolations(page);

    await navigateTo(page, 'Matching');
    const runs = page.getByRole('table', { name: 'Matching runs, newest first' });
    await expect.poll(() => runs.getByRole('row').count(), { timeout: WAIT_MS }).toBe(2);
    expect(await runs.getByRole('row').nth(1).innerText()).toContain('Succeeded');
  });

  test('is not offered to an organisation lead', async () => {
    const { page } = journey;
    await signIn(page, demoPeople.acuteLead.email);
    await page.goto('/matching');
    await pageHeading(page, 'You do not have access to this page').waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Matching' }).count()).toBe(0);
  });
});
