import { describe, expect, test } from 'vitest';
import { dateLabel } from '../../web/src/format.ts';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { demoPeople, firstAnalyst } from './support/demo-data.ts';
import { useJourney } from './support/journey.ts';
import { openProfileFromDirectory } from './support/profile.ts';
import { pageHeading, signIn } from './support/session.ts';

/** The day `days` days from now, "YYYY-MM-DD" (the server runs on the real clock). */
function dayAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('an organisation lead whose analyst is leaving', () => {
  const journey = useJourney();
  const me = demoPeople.acuteLead;

  test('records a leaving day ahead, sees it on the profile, then cancels it', async () => {
    const { page, prisma } = journey;
    const analyst = await firstAnalyst(prisma, { organisation: { name: me.organisation } });
    const leavingOn = dayAhead(60);
    await signIn(page, me.email);
    await openProfileFromDirectory(page, analyst);

    await page.getByRole('link', { name: 'Record that this analyst is leaving' }).click();
    await pageHeading(page, `Record that ${analyst.name} is leaving`).waitFor();
    await page.getByLabel(/The day they leave or left/).fill(leavingOn);
    await page.getByText(`They keep their access until ${dateLabel(leavingOn)}.`, { exact: false }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Record the leaving day' }).click();

    await pageHeading(page, analyst.name).waitFor();
    await page.getByText(`Leaving on ${dateLabel(leavingOn)}.`).waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Cancel leaving' }).click();
    await pageHeading(page, `Cancel ${analyst.name}’s leaving`).waitFor();
    await page.getByRole('heading', { name: 'What cancelling does not undo' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Cancel leaving' }).click();

    await pageHeading(page, 'Leaving cancelled').waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: `Back to ${analyst.name}’s profile` }).click();
    await page.getByRole('link', { name: 'Record that this analyst is leaving' }).waitFor();
    expect(await page.getByText(/Leaving on/).count()).toBe(0);
  });
});
