import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { demoPeople } from './support/demo-data.ts';
import { useJourney, WAIT_MS } from './support/journey.ts';
import { navigateTo, pageHeading, signIn, signOut } from './support/session.ts';

/** A calendar day `days` from today, as a date input takes it. */
function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

function errorSummaryLinks(page: Page) {
  return page.locator('.nhsuk-error-summary').getByRole('link').allInnerTexts();
}

describe('an organisation lead requesting analyst time', () => {
  const journey = useJourney();
  const me = demoPeople.acuteLead;
  beforeEach(() => signIn(journey.page, me.email));

  test('creates a project and a request with skills, puts right what the form says is wrong, and submits it', async () => {
    const { page, prisma } = journey;
    const projectTitle = 'Outpatient follow-up backlog review';
    const requestTitle = 'Follow-up backlog model';

    await navigateTo(page, 'My projects');
    await page.getByText(me.organisation).first().waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Create a project' }).click();
    await pageHeading(page, 'Create a project').waitFor();
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect.poll(() => errorSummaryLinks(page), { timeout: WAIT_MS }).toEqual(['Enter a project title', 'Enter what the project is for']);
    await expect.poll(() => page.title()).toMatch(/^Error: Create a project/);
    await expectNoAxeViolations(page);

    await page.getByLabel('Project title').fill(projectTitle);
    await page.getByLabel('Purpose').fill('Find out which follow-ups can safely move to patient-initiated follow-up.');
    await page.getByRole('button', { name: 'Create project' }).click();
    await pageHeading(page, projectTitle).waitFor();
    await page.getByText('This project has no requests for analyst time yet.').waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Add a request' }).click();
    await pageHeading(page, 'Add a request').waitFor();
    await page.getByLabel('Title', { exact: true }).fill(requestTitle);
    await page.getByLabel('Must-have skill 1', { exact: true }).selectOption({ label: 'SQL' });
    await page.getByLabel('Minimum level for must-have skill 1').selectOption({ label: '3 Practitioner' });
    await page.getByRole('button', { name: 'Add a desired skill' }).click();
    await page.getByLabel('Desired skill 1', { exact: true }).selectOption({ label: 'SQL' });
    await page.getByLabel('Time needed each week (FTE)').fill('1.5');
    await page.getByLabel('First week').fill(daysFromToday(-21));
    await page.getByLabel('Last week').fill(daysFromToday(-28));
    await page.getByRole('button', { name: 'Save as draft' }).click();

    await expect.poll(() => errorSummaryLinks(page), { timeout: WAIT_MS }).toEqual([
      'SQL is already listed; list each skill once, as must-have or desired',
      'FTE must be 1 or less (a full-time week)',
      'The start week must be this week or later',
      'The end week must be the same as or after the start week',
    ]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.className ?? '')).toContain('nhsuk-error-summary');
    await page.locator('#fte--error-message').getByText('FTE must be 1 or less').waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel('Desired skill 1', { exact: true }).selectOption({ label: 'Dashboard design' });
    await page.getByLabel('Time needed each week (FTE)').fill('0.4');
    await page.getByLabel('First week').fill(daysFromToday(14));
    await page.getByLabel('Last week').fill(daysFromToday(70));
    await page.getByLabel('Open to a development placement').check();
    await page.getByRole('button', { name: 'Save as draft' }).click();

    await pageHeading(page, requestTitle).waitFor();
    const status = page.locator('.nhsuk-summary-list__row', { hasText: 'Status' });
    await status.getByText('Draft').waitFor();
    await page.getByText('SQL: 3 Practitioner or above').waitFor();
    await page.getByText('0.4 FTE a week').waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Submit to the pool' }).click();
    await status.getByText('Submitted').waitFor();
    await expectNoAxeViolations(page);

    const stored = await prisma.request.findFirstOrThrow({ where: { title: requestTitle, project: { title: projectTitle } }, include: { project: true, skills: true } });
    expect(stored).toMatchObject({ status: 'SUBMITTED', openToDevelopment: true, project: { status: 'ACTIVE' } });
    expect(stored.fte.toNumber()).toBe(0.4);
    expect(stored.startWeek.getUTCDay()).toBe(1);
    expect(stored.skills.map(({ kind, minLevel }) => [kind, minLevel]).sort()).toEqual([['DESIRED', 3], ['REQUIRED', 3]]);
    expect(await prisma.auditEvent.count({ where: { entityId: { in: [stored.id, stored.projectId] } } })).toBe(4);

    await page.getByRole('link', { name: `Back to the project ${projectTitle}` }).click();
    await pageHeading(page, projectTitle).waitFor();
    await page.getByRole('table', { name: 'Requests for analyst time' }).getByText('Submitted').waitFor();
    await expectNoAxeViolations(page);

    // The submitted request is now demand the workforce lead sees.
    await signOut(page);
    await signIn(page, demoPeople.workforceLead.email);
    await page.goto(`/requests/${stored.id}`);
    await pageHeading(page, requestTitle).waitFor();
    await page.locator('.nhsuk-summary-list__row', { hasText: 'Organisation' }).getByText(me.organisation).waitFor();
    await status.getByText('Submitted').waitFor();
    await expectNoAxeViolations(page);
  });

  test('a workforce lead creates a project for another organisation, changes it, and cancels it only after confirming', async () => {
    const { page, prisma } = journey;
    const owner = demoPeople.hospiceLead.organisation;
    await signOut(page);
    await signIn(page, demoPeople.workforceLead.email);

    await navigateTo(page, 'My projects');
    await page.getByRole('link', { name: 'Create a project' }).click();
    await pageHeading(page, 'Create a project').waitFor();
    await page.getByLabel('Organisation').selectOption({ label: owner });
    await page.getByLabel('Project title').fill('Hospice at home capacity');
    await page.getByLabel('Purpose').fill('Plan hospice at home capacity for the winter.');
    await page.getByRole('button', { name: 'Create project' }).click();
    await pageHeading(page, 'Hospice at home capacity').filter({ hasText: owner }).waitFor();

    await page.getByRole('link', { name: 'Change the project' }).click();
    await pageHeading(page, 'Change the project').waitFor();
    await page.getByLabel('Project title').fill('Hospice at home winter capacity');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await pageHeading(page, 'Hospice at home winter capacity').waitFor();

    const status = page.locator('.nhsuk-summary-list__row', { hasText: 'Status' });
    await page.getByRole('button', { name: 'Cancel this project' }).click();
    await page.getByRole('heading', { name: /Cancel this project\?/ }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'No, keep it' }).click();
    await status.getByText('Draft').waitFor();
    await page.getByRole('button', { name: 'Cancel this project' }).click();
    await page.getByRole('button', { name: 'Yes, cancel the project' }).click();
    await status.getByText('Cancelled').waitFor();
    await expect.poll(() => page.getByRole('link', { name: 'Change the project' }).count()).toBe(0);
    await expectNoAxeViolations(page);

    const project = await prisma.project.findFirstOrThrow({ where: { title: 'Hospice at home winter capacity' }, include: { organisation: true } });
    expect(project).toMatchObject({ status: 'CANCELLED', version: 3, organisation: { name: owner } });
  });
});
