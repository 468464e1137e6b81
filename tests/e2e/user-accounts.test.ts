import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { demoPeople } from './support/demo-data.ts';
import { useJourney, WAIT_MS } from './support/journey.ts';
import { expectFound } from './support/results.ts';
import { accountNavigation, expectSignedInAs, pageHeading, signIn, signOut } from './support/session.ts';

const TEMPORARY_PASSWORD = 'Temporary-pass-4821';
const OWN_PASSWORD = 'kettle lighthouse orchard 7';

/** Follows a main navigation link, from the header's "More" menu when the link did not fit on the line. */
async function openFromNavigation(page: Page, link: string): Promise<void> {
  const navigation = page.getByRole('navigation', { name: 'Main' });
  const target = navigation.getByRole('link', { name: link, exact: true });
  await navigation.waitFor();
  if (!(await target.isVisible())) await navigation.getByRole('button', { name: /More/ }).click();
  await target.click();
  await pageHeading(page, link).waitFor();
}

describe('user accounts', () => {
  const journey = useJourney();

  test('a workforce lead creates an organisation lead, who signs in, must choose their own password, then sees their pages', async () => {
    const { page, prisma } = journey;
    const newcomer = { name: 'Morgan Ellis', email: 'morgan.ellis@northdales.example', organisation: demoPeople.hospiceLead.organisation };

    await signIn(page, demoPeople.workforceLead.email);
    await openFromNavigation(page, 'Users');
    await expectFound(page, await prisma.user.count(), ['user', 'users']);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Create a user' }).click();
    await pageHeading(page, 'Create a user').waitFor();
    // Sent empty first: the error summary names every missing answer.
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await expect.poll(() => page.title()).toBe('Error: Create a user – Analyst Pool');
    await expectNoAxeViolations(page);

    await page.getByLabel('Email address').fill(` ${newcomer.email.toUpperCase()} `);
    await page.getByLabel('Full name').fill(newcomer.name);
    await page.getByLabel('Organisation lead').check();
    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: newcomer.organisation });
    await page.getByLabel('Temporary password').fill(TEMPORARY_PASSWORD);
    await page.getByRole('button', { name: 'Create user' }).click();
    await pageHeading(page, newcomer.name).waitFor();
    await page.getByRole('status').filter({ hasText: 'Account created.' }).waitFor();
    await page.getByText('Enabled, temporary password').waitFor();
    await page.getByText(newcomer.email, { exact: true }).waitFor();
    await expectNoAxeViolations(page);
    await signOut(page);

    await signIn(page, newcomer.email, TEMPORARY_PASSWORD);
    await pageHeading(page, 'Choose your own password').waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).count(), 'no way around the change').toBe(0);
    await expectNoAxeViolations(page);
    // Going elsewhere by address leads back here.
    await page.goto('/my-projects');
    await pageHeading(page, 'Choose your own password').waitFor();

    await page.getByLabel('Temporary password').fill(TEMPORARY_PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill(OWN_PASSWORD);
    await page.getByLabel('Confirm new password').fill(OWN_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await pageHeading(page, 'My projects').waitFor();
    await expectSignedInAs(page, newcomer, 'Organisation lead', ['Home', 'Analysts', 'Projects', 'My projects', 'Allocations', 'Careers', 'Insight', 'Import and export']);
    await expectNoAxeViolations(page);

    await signOut(page);
    await signIn(page, newcomer.email, OWN_PASSWORD);
    await expect.poll(() => accountNavigation(page).innerText(), { timeout: WAIT_MS }).toContain(newcomer.name);
    await pageHeading(page, `Welcome, ${newcomer.name}`).waitFor();
  });
});
