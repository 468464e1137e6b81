import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from './demo-data.ts';
import { WAIT_MS } from './journey.ts';

export function accountNavigation(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Your account' });
}

function mainNavigation(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Main' });
}

/** The page's one h1; its accessible name contains the text (captions may come first). */
export function pageHeading(page: Page, name: string | RegExp): Locator {
  return page.getByRole('heading', { level: 1, name });
}

export async function fillSignInForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email address', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Signs in through the real sign-in form and waits until the header shows the account. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await pageHeading(page, 'Sign in').waitFor();
  await fillSignInForm(page, email, password);
  await accountNavigation(page).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await accountNavigation(page).getByRole('button', { name: 'Sign out' }).click();
  await pageHeading(page, 'Sign in').waitFor();
}

/** Follows a link of the main navigation and waits for the page it leads to. */
export async function navigateTo(page: Page, link: string, heading: string | RegExp = link): Promise<void> {
  await mainNavigation(page).getByRole('link', { name: link, exact: true }).click();
  await pageHeading(page, heading).waitFor();
}

/** The header names the signed-in person and their role, and offers exactly these navigation links. */
export async function expectSignedInAs(page: Page, person: { name: string }, roleLabel: string, links: string[]): Promise<void> {
  const account = accountNavigation(page);
  await account.getByText(person.name).waitFor();
  await account.getByText(roleLabel, { exact: true }).waitFor();
  // Every link, including those the header folds into its "More" menu when they do not fit on one line.
  await expect.poll(async () => (await mainNavigation(page).locator('a').allTextContents()).map((text) => text.trim()), { timeout: WAIT_MS }).toEqual(links);
}
