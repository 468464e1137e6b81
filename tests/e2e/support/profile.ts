import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectNoAxeViolations } from './accessibility.ts';
import type { AnalystProfile } from './demo-data.ts';
import { applyDirectoryFilters, directoryTable } from './directory.ts';
import { WAIT_MS } from './journey.ts';
import { navigateTo, pageHeading } from './session.ts';

const LEVEL_NAMES = ['Awareness', 'Working', 'Practitioner', 'Expert'];
const PERSONAL_DETAILS_NOTICE = 'Visible to the analyst, their organisation lead and workforce leads';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Finds the analyst by name in the directory and follows the link to their profile. */
export async function openProfileFromDirectory(page: Page, analyst: AnalystProfile): Promise<void> {
  await navigateTo(page, 'Analysts');
  await applyDirectoryFilters(page, { search: analyst.name });
  await directoryTable(page, 1).getByRole('link', { name: analyst.name, exact: true }).first().click();
  await pageHeading(page, analyst.name).waitFor();
}

/**
 * The profile shows the analyst, every skill with its level by number and name, and their email and
 * availability only when the viewer may see personal details.
 */
export async function expectProfile(page: Page, analyst: AnalystProfile, { personalDetails }: { personalDetails: boolean }): Promise<void> {
  await pageHeading(page, analyst.name).filter({ hasText: analyst.organisation }).waitFor();

  const skills = page.getByRole('table', { name: /^Skills and levels/ });
  await skills.waitFor();
  for (const skill of analyst.skills) {
    const level = `${skill.level} ${LEVEL_NAMES[skill.level - 1]}`;
    await skills.getByRole('row', { name: new RegExp(`^${escapeRegExp(skill.name)} ${level}\\b`) }).waitFor();
  }
  await expect.poll(() => skills.getByRole('row').count(), { timeout: WAIT_MS }).toBe(analyst.skills.length + 1);

  const email = page.getByRole('link', { name: analyst.email, exact: true });
  const availability = page.getByRole('table', { name: 'Leave and reduced availability' });
  if (personalDetails) {
    await email.waitFor();
    expect(await email.getAttribute('href')).toBe(`mailto:${analyst.email}`);
    if (analyst.availabilityCount > 0) {
      await expect.poll(() => availability.getByRole('row').count(), { timeout: WAIT_MS }).toBe(analyst.availabilityCount + 1);
    } else {
      await page.getByText('No leave or reduced availability recorded.').waitFor();
    }
  } else {
    await page.getByText(PERSONAL_DETAILS_NOTICE).waitFor();
    expect(await page.getByText(analyst.email).count(), 'email shown to a viewer who may not see it').toBe(0);
    expect(await availability.count(), 'availability shown to a viewer who may not see it').toBe(0);
  }
  await expectNoAxeViolations(page);
}
