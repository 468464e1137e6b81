import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { PrismaClient } from '../../../api/src/db/client.ts';
import { expectNoAxeViolations } from './accessibility.ts';
import {
  analystToSearchFor,
  directoryCount,
  directoryNames,
  holdingSkill,
  matchingSearch,
  skillToFilterBy,
  type DirectoryQuery,
} from './demo-data.ts';
import { WAIT_MS } from './journey.ts';
import { expectFound, resultsTable } from './results.ts';
import { navigateTo } from './session.ts';

/** Rows per page of the directory. */
const PAGE_SIZE = 25;

export interface DirectoryFilters {
  search?: string;
  /** Organisation name, as offered in the list. */
  organisation?: string;
  /** Skill name, as offered in the list. */
  skill?: string;
  /** e.g. "3 Practitioner" */
  minimumLevel?: string;
}

function filtersForm(page: Page): Locator {
  return page.getByRole('search', { name: 'Analysts' });
}

export function directoryTable(page: Page, pageNumber: number): Locator {
  return resultsTable(page, 'Analysts', pageNumber);
}

/** The pagination, named for the page shown, e.g. "page 2 of 6". */
function resultsPagination(page: Page, position: string): Locator {
  return page.getByRole('navigation', { name: `Results pages, ${position}`, exact: true });
}

/** Sets every field (an unset one goes back to "any") and searches. */
export async function applyDirectoryFilters(page: Page, filters: DirectoryFilters): Promise<void> {
  const form = filtersForm(page);
  await form.getByLabel('Name or job title', { exact: true }).fill(filters.search ?? '');
  await form.getByLabel('Organisation', { exact: true }).selectOption({ label: filters.organisation ?? 'Any organisation' });
  await form.getByLabel('Skill', { exact: true }).selectOption({ label: filters.skill ?? 'Any skill' });
  await form.getByLabel('Minimum level', { exact: true }).selectOption({ label: filters.minimumLevel ?? 'Any level' });
  await form.getByRole('button', { name: 'Search', exact: true }).click();
}

/** The analysts' names on a page of results, in order. */
async function resultNames(page: Page, pageNumber: number): Promise<string[]> {
  const table = directoryTable(page, pageNumber);
  await table.waitFor();
  return table.getByRole('link').allInnerTexts();
}

/** Waits until the page of results lists exactly these names, in this order. */
export async function expectResultNames(page: Page, pageNumber: number, names: string[]): Promise<void> {
  await expect.poll(() => resultNames(page, pageNumber), { timeout: WAIT_MS }).toEqual(names);
}

/** The directory shows the analysts the database holds for these filters: count and first page, in order. */
async function expectDirectoryShows(page: Page, prisma: PrismaClient, where: DirectoryQuery['where']): Promise<void> {
  const count = await directoryCount(prisma, where);
  expect(count, 'the demo data should give every filter something to find').toBeGreaterThan(0);
  await expectFound(page, count, ['analyst', 'analysts']);
  await expectResultNames(page, 1, await directoryNames(prisma, { where, take: PAGE_SIZE }));
}

/**
 * Opens the analyst directory from the navigation, pages forward and back, searches by name, and
 * filters by organisation, by skill and by skill level, checking each answer against the database.
 */
export async function browseDirectory(page: Page, prisma: PrismaClient, organisation: string): Promise<void> {
  await navigateTo(page, 'Analysts');
  await expectDirectoryShows(page, prisma, {});
  await expectNoAxeViolations(page);

  const pageCount = Math.ceil((await directoryCount(prisma)) / PAGE_SIZE);
  expect(pageCount, 'the demo pool should fill more than one page').toBeGreaterThan(1);
  await resultsPagination(page, `page 1 of ${pageCount}`).getByRole('link', { name: /^Next/ }).click();
  await expectResultNames(page, 2, await directoryNames(prisma, { skip: PAGE_SIZE, take: PAGE_SIZE }));
  await resultsPagination(page, `page 2 of ${pageCount}`).getByRole('link', { name: /^Previous/ }).click();
  await expectResultNames(page, 1, await directoryNames(prisma, { take: PAGE_SIZE }));

  const wanted = await analystToSearchFor(prisma, PAGE_SIZE);
  await applyDirectoryFilters(page, { search: wanted.name });
  await expectDirectoryShows(page, prisma, matchingSearch(wanted.name));
  await directoryTable(page, 1).getByRole('link', { name: wanted.name, exact: true }).waitFor();

  await applyDirectoryFilters(page, { organisation });
  await expectDirectoryShows(page, prisma, { organisation: { name: organisation } });

  const skill = await skillToFilterBy(prisma);
  await applyDirectoryFilters(page, { skill: skill.name });
  await expectDirectoryShows(page, prisma, holdingSkill(skill.id));
  await applyDirectoryFilters(page, { skill: skill.name, minimumLevel: '3 Practitioner' });
  await expectDirectoryShows(page, prisma, holdingSkill(skill.id, 3));
  await expectNoAxeViolations(page);
}
