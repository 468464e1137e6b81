import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { PrismaClient } from '../../../api/src/db/client.ts';
import { expectNoAxeViolations } from './accessibility.ts';
import { listedProjects, projectDetail, type Visibility } from './demo-data.ts';
import { WAIT_MS } from './journey.ts';
import { expectFound, resultsTable } from './results.ts';
import { navigateTo, pageHeading } from './session.ts';

const PAGE_SIZE = 25;

/** Lists the projects the viewer may see, then opens the first and checks its visible requests. */
export async function browseProjects(page: Page, prisma: PrismaClient, visibility: Visibility): Promise<void> {
  await navigateTo(page, 'Projects');
  const count = await prisma.project.count({ where: visibility.projects });
  const projects = await listedProjects(prisma, visibility.projects, PAGE_SIZE);
  await expectFound(page, count, ['project', 'projects']);
  const table = resultsTable(page, 'Projects', 1);
  await expect.poll(() => table.getByRole('link').allInnerTexts(), { timeout: WAIT_MS }).toEqual(projects.map(({ title }) => title));
  await expectNoAxeViolations(page);

  const [first] = projects;
  if (!first) throw new Error('The demo data should hold projects this viewer can see');
  const project = await projectDetail(prisma, first.id, visibility.requests);
  await table.getByRole('link', { name: project.title, exact: true }).click();
  await pageHeading(page, project.title).filter({ hasText: project.organisation }).waitFor();
  if (project.requestTitles.length > 0) {
    const requests = page.getByRole('table', { name: 'Requests for analyst time' });
    await expect.poll(() => requests.getByRole('rowheader').allInnerTexts(), { timeout: WAIT_MS }).toEqual(
      project.requestTitles.map((title) => expect.stringContaining(title)),
    );
  } else {
    await page.getByText('This project has no requests for analyst time yet.').waitFor();
  }
  await expectNoAxeViolations(page);
}
