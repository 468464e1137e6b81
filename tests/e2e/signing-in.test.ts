import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { DEMO_PASSWORD, demoPeople } from './support/demo-data.ts';
import { useJourney, WAIT_MS } from './support/journey.ts';
import { accountNavigation, fillSignInForm, pageHeading, signIn, signOut } from './support/session.ts';

const MAX_TAB_STOPS = 25;

async function focusedElementId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.id);
}

/** Presses Tab until the element has focus, as a keyboard user would; fails after a bounded number of stops. */
async function tabTo(page: Page, label: string): Promise<void> {
  const target = page.getByLabel(label, { exact: true });
  for (let stop = 0; stop < MAX_TAB_STOPS; stop += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`"${label}" was not reached within ${MAX_TAB_STOPS} tab stops`);
}

function errorSummary(page: Page) {
  return page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
}

describe('signing in and out', () => {
  const journey = useJourney();
  const person = demoPeople.councilLead;

  test('the sign-in page passes axe and its skip link is the first tab stop, moving focus to the main content', async () => {
    const { page } = journey;
    await page.goto('/sign-in');
    await pageHeading(page, 'Sign in').waitFor();
    await expectNoAxeViolations(page);

    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Skip to main content' });
    expect(await skipLink.evaluate((element) => element === document.activeElement), 'the skip link has focus after one Tab').toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedElementId(page), { timeout: WAIT_MS }).toBe('maincontent');
  });

  test('the sign-in form can be completed with the keyboard alone', async () => {
    const { page } = journey;
    await page.goto('/sign-in');
    await pageHeading(page, 'Sign in').waitFor();
    await tabTo(page, 'Email address');
    await page.keyboard.type(person.email);
    await page.keyboard.press('Tab');
    expect(await page.getByLabel('Password', { exact: true }).evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await accountNavigation(page).getByText(person.name).waitFor();
    await pageHeading(page, `Welcome, ${person.name}`).waitFor();
  });

  test('a wrong password shows the error summary, which takes focus and links to the field', async () => {
    const { page } = journey;
    await page.goto('/sign-in');
    await pageHeading(page, 'Sign in').waitFor();
    await fillSignInForm(page, person.email, `${DEMO_PASSWORD}-wrong`);

    const summary = errorSummary(page);
    const problem = summary.getByRole('link', { name: /email address or password is incorrect/i });
    await problem.waitFor();
    expect(await problem.getAttribute('href')).toBe('#email');
    await expect
      .poll(() => summary.evaluate((alert) => alert.closest('.nhsuk-error-summary') === document.activeElement), { timeout: WAIT_MS })
      .toBe(true);
    await expect.poll(() => page.title(), { timeout: WAIT_MS }).toMatch(/^Error: Sign in/);
    expect(await accountNavigation(page).count(), 'still signed out').toBe(0);
    await expectNoAxeViolations(page);

    await problem.click();
    await expect.poll(() => focusedElementId(page), { timeout: WAIT_MS }).toBe('email');
  });

  test('an empty form asks for the email address and the password', async () => {
    const { page } = journey;
    await page.goto('/sign-in');
    await pageHeading(page, 'Sign in').waitFor();
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const summary = errorSummary(page);
    await summary.getByRole('link', { name: 'Enter your email address' }).waitFor();
    await summary.getByRole('link', { name: 'Enter your password' }).waitFor();
    await expectNoAxeViolations(page);
  });

  test('signing out returns to the sign-in page, and protected pages then send people to sign in', async () => {
    const { page, prisma } = journey;
    const analyst = await prisma.analyst.findFirstOrThrow({ orderBy: { name: 'asc' }, select: { id: true } });
    await signIn(page, person.email);
    await signOut(page);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await accountNavigation(page).count(), 'the header no longer shows the account').toBe(0);

    for (const path of ['/', '/analysts', `/analysts/${analyst.id}`, '/projects', '/organisations']) {
      await page.goto(path);
      await pageHeading(page, 'Sign in').waitFor();
      const url = new URL(page.url());
      expect(url.pathname, `${path} sends a signed-out visitor to sign in`).toBe('/sign-in');
      expect(url.searchParams.get('returnTo')).toBe(path);
    }
  });

  test('signing in from a protected page returns there', async () => {
    const { page } = journey;
    await page.goto('/analysts?q=a');
    await pageHeading(page, 'Sign in').waitFor();
    await fillSignInForm(page, person.email, DEMO_PASSWORD);
    await pageHeading(page, 'Analysts').waitFor();
    const url = new URL(page.url());
    expect(`${url.pathname}${url.search}`).toBe('/analysts?q=a');
  });

  test('an unknown address shows a page-not-found page that passes axe', async () => {
    const { page } = journey;
    await signIn(page, person.email);
    await page.goto('/no-such-page');
    await pageHeading(page, 'Page not found').waitFor();
    await page.getByRole('link', { name: 'Go to the Analyst Pool home page' }).waitFor();
    await expectNoAxeViolations(page);
  });
});
