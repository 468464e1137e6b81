import type { Locator, Page } from 'playwright-core';

/** Waits for the announced result count, e.g. "30 analysts found" (a page position may follow). */
export async function expectFound(page: Page, count: number, [singular, plural]: [string, string]): Promise<void> {
  await page.getByRole('status').filter({ hasText: new RegExp(`^\\s*${count} ${count === 1 ? singular : plural} found\\b`) }).waitFor();
}

/** A table of results, named by its caption, e.g. "Analysts, page 2". */
export function resultsTable(page: Page, what: string, pageNumber: number): Locator {
  return page.getByRole('table', { name: `${what}, page ${pageNumber}`, exact: true });
}
