import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { createProjectThroughApi, daysFromToday, openSection } from './support/allocations.ts';
import { analystOfUser, demoPeople } from './support/demo-data.ts';
import { useJourney, WAIT_MS } from './support/journey.ts';
import { expectFound } from './support/results.ts';
import { pageHeading, signIn, signOut } from './support/session.ts';

const PAGE_SIZE = 25;

describe('the audit log', () => {
  const journey = useJourney();

  test('the workforce lead finds who changed what by record, person and day, a page at a time', async () => {
    const { page, prisma } = journey;
    const author = demoPeople.councilLead;

    // Setup through the API: the council lead creates more projects than fit on one page of the log.
    await signIn(page, author.email);
    for (let index = 1; index <= PAGE_SIZE + 1; index += 1) {
      await createProjectThroughApi(page, `Housing needs study ${index}`, 'Plan housing support with the council.');
    }
    await signOut(page);

    await signIn(page, demoPeople.workforceLead.email);
    await openSection(page, 'Audit log');
    const everything = await prisma.auditEvent.count();
    await expectFound(page, everything, ['change', 'changes']);
    // Newest first: the workforce lead's own sign-in heads the log.
    const firstRow = page.getByRole('table', { name: 'Changes, page 1' }).getByRole('row').nth(1);
    await expect.poll(() => firstRow.innerText(), { timeout: WAIT_MS }).toContain(demoPeople.workforceLead.name);
    await expect.poll(() => firstRow.innerText(), { timeout: WAIT_MS }).toContain('Session start');
    await expectNoAxeViolations(page);

    const filters = page.getByRole('search', { name: 'Audit log' });
    await filters.getByLabel('Record').selectOption({ label: 'Project' });
    await filters.getByLabel('Changed by').selectOption({ label: author.name });
    await filters.getByRole('button', { name: 'Filter' }).click();
    const created = await prisma.auditEvent.findMany({
      where: { entityType: 'Project', actor: { email: author.email } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { entityId: true },
    });
    expect(created.length).toBe(PAGE_SIZE + 1);
    await expectFound(page, created.length, ['change', 'changes']);
    const recordLinks = (pageNumber: number) =>
      page.getByRole('table', { name: `Changes, page ${pageNumber}` }).getByRole('link').allInnerTexts();
    await expect.poll(() => recordLinks(1), { timeout: WAIT_MS }).toEqual(created.slice(0, PAGE_SIZE).map(({ entityId }) => entityId));
    await expectNoAxeViolations(page);

    await page.getByRole('navigation', { name: 'Results pages, page 1 of 2' }).getByRole('link', { name: /^Next/ }).click();
    await expect.poll(() => recordLinks(2), { timeout: WAIT_MS }).toEqual(created.slice(PAGE_SIZE).map(({ entityId }) => entityId));
    await page.getByRole('navigation', { name: 'Results pages, page 2 of 2' }).getByRole('link', { name: /^Previous/ }).click();
    await expect.poll(() => recordLinks(1), { timeout: WAIT_MS }).toHaveLength(PAGE_SIZE);

    // Whole days: today holds every one of them; from tomorrow on there is nothing yet.
    await filters.getByLabel('From').fill(daysFromToday(0));
    await filters.getByLabel('To').fill(daysFromToday(0));
    await filters.getByRole('button', { name: 'Filter' }).click();
    await expectFound(page, created.length, ['change', 'changes']);
    await filters.getByLabel('From').fill(daysFromToday(1));
    await filters.getByLabel('To').fill(daysFromToday(1));
    await filters.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('No changes match these filters.').waitFor();

    // A range that ends before it starts is refused with the NHS error summary, linked to the field.
    await filters.getByLabel('To').fill(daysFromToday(-1));
    await filters.getByRole('button', { name: 'Filter' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await summary.getByRole('link', { name: 'The last day must be the same as or after the first day' }).waitFor();
    await expect.poll(() => page.title()).toBe('Error: Audit log – Analyst Pool');
    await expectNoAxeViolations(page);
    await summary.getByRole('link', { name: 'The last day must be the same as or after the first day' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('audit-to');

    // The record's link leads to it.
    await filters.getByRole('link', { name: 'Clear filters' }).click();
    await filters.getByLabel('Record').selectOption({ label: 'Project' });
    await filters.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('table', { name: 'Changes, page 1' }).getByRole('link', { name: created[0]!.entityId }).click();
    await pageHeading(page, `Housing needs study ${PAGE_SIZE + 1}`).waitFor();
  });

  test('the workforce lead sees who opened an analyst’s profile, and so does the analyst', async () => {
    const { page, prisma } = journey;
    const analyst = await analystOfUser(prisma, demoPeople.analyst.email);
    const reader = demoPeople.acuteLead;

    await signIn(page, reader.email);
    await page.goto(`/analysts/${analyst.id}`);
    await pageHeading(page, analyst.name).waitFor();
    await signOut(page);

    await signIn(page, demoPeople.workforceLead.email);
    await openSection(page, 'Audit log');
    await page.getByRole('link', { name: 'who viewed which profile' }).click();
    await pageHeading(page, 'Profile views').waitFor();
    const firstRow = page.getByRole('table', { name: 'Profile views, page 1' }).getByRole('row').nth(1);
    await expect.poll(() => firstRow.innerText(), { timeout: WAIT_MS }).toContain(`${reader.name}, organisation lead, ${reader.organisation}`);
    await expectNoAxeViolations(page);
    await firstRow.getByRole('link', { name: `Every view of ${analyst.name}’s profile` }).click();
    await page.getByRole('table', { name: `Views of ${analyst.name}’s profile, page 1` }).waitFor();
    await signOut(page);

    await signIn(page, demoPeople.analyst.email);
    await openSection(page, 'My profile', 'My skills and aspirations');
    await page.getByRole('link', { name: 'see who has opened it' }).click();
    await pageHeading(page, 'Who has viewed your profile').waitFor();
    const views = page.getByRole('table', { name: 'Views of your profile, page 1' });
    await expect.poll(() => views.innerText(), { timeout: WAIT_MS }).toContain(reader.name);
    await expectNoAxeViolations(page);
  });
});
