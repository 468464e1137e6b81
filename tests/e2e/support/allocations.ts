import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { PrismaClient } from '../../../api/src/db/client.ts';
import { expectNoAxeViolations } from './accessibility.ts';
import { pageHeading } from './session.ts';
import { persistSetupOperation } from './setup-operations.ts';

const LEVEL_NAMES = ['Awareness', 'Working', 'Practitioner', 'Expert'];

/** A calendar day `days` from today, as a date input takes it. */
export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

export interface PoolAnalyst {
  id: string;
  name: string;
  email: string;
  /** Name of the analyst's home organisation. */
  organisation: string;
  /** A skill the analyst holds, to require it at their level. */
  skill: { name: string; level: number; levelLabel: string };
}

/**
 * An analyst of one of these organisations who can sign in, has pooled time to give and no leave in the
 * next six weeks, with the skill they hold at their highest level: someone a request for that skill at
 * that level, starting this week, can be matched to.
 */
export async function analystWhoCanSignIn(prisma: PrismaClient, organisationNames: readonly string[]): Promise<PoolAnalyst> {
  const soon = { startWeek: { lte: new Date(daysFromToday(42)) }, endWeek: { gte: new Date(daysFromToday(-7)) } };
  const users = await prisma.user.findMany({
    where: {
      role: 'ANALYST',
      analyst: { status: 'ACTIVE', organisation: { name: { in: [...organisationNames] } }, pooledFte: { gte: 0.2 }, availabilities: { none: soon }, skills: { some: {} } },
    },
    orderBy: { email: 'asc' },
    select: {
      email: true,
      analyst: {
        select: {
          id: true,
          name: true,
          organisation: { select: { name: true } },
          skills: { orderBy: [{ level: 'desc' }, { skill: { name: 'asc' } }], take: 1, select: { level: true, skill: { select: { name: true } } } },
        },
      },
    },
  });
  const user = users.find((candidate) => candidate.analyst);
  if (!user?.analyst) throw new Error(`The demo data has no analyst of ${organisationNames.join(', ')} with an account, pooled time and skills`);
  const [held] = user.analyst.skills;
  return {
    id: user.analyst.id,
    name: user.analyst.name,
    email: user.email,
    organisation: user.analyst.organisation.name,
    skill: { name: held!.skill.name, level: held!.level, levelLabel: `${held!.level} ${LEVEL_NAMES[held!.level - 1]}` },
  };
}

interface NewRequest {
  projectTitle: string;
  requestTitle: string;
  skill: PoolAnalyst['skill'];
  fte: string;
  /** Any day of the first and last weeks. */
  firstDay: string;
  lastDay: string;
}

/** An organisation lead creates a project and a request through their pages and submits it to the pool. */
export async function createAndSubmitRequest(page: Page, request: NewRequest): Promise<void> {
  await openSection(page, 'My projects');
  await page.getByRole('link', { name: 'Create a project' }).click();
  await pageHeading(page, 'Create a project').waitFor();
  await page.getByLabel('Project title').fill(request.projectTitle);
  await page.getByLabel('Purpose').fill('Give the bereavement team a weekly view of the families they support.');
  await page.getByRole('button', { name: 'Create project' }).click();
  await pageHeading(page, request.projectTitle).waitFor();

  await page.getByRole('link', { name: 'Add a request' }).click();
  await pageHeading(page, 'Add a request').waitFor();
  await page.getByLabel('Title', { exact: true }).fill(request.requestTitle);
  await page.getByLabel('Must-have skill 1', { exact: true }).selectOption({ label: request.skill.name });
  await page.getByLabel('Minimum level for must-have skill 1').selectOption({ label: request.skill.levelLabel });
  await page.getByLabel('Time needed each week (FTE)').fill(request.fte);
  await page.getByLabel('First week').fill(request.firstDay);
  await page.getByLabel('Last week').fill(request.lastDay);
  await page.getByRole('button', { name: 'Save as draft' }).click();
  await pageHeading(page, request.requestTitle).waitFor();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Submit to the pool' }).click();
  await page.locator('.nhsuk-summary-list__row', { hasText: 'Status' }).getByText('Submitted').waitFor();
  await expectNoAxeViolations(page);
}

/** From the home page's "What you need to do", follows the action about this allocation to its page. */
export async function openActionFromHome(page: Page, allocationId: string, heading: string): Promise<void> {
  await openSection(page, 'Home', /Welcome, /);
  const actions = page.getByRole('region', { name: 'What you need to do' });
  await actions.locator(`a[href="/allocations/${allocationId}"]`).click();
  await pageHeading(page, heading).waitFor();
}

/** Chooses an option (by its label) and sends the decision, then waits for the page to say it was taken. */
export async function decide(page: Page, option: string, reason = ''): Promise<void> {
  await page.getByRole('radio', { name: option, exact: true }).check();
  if (reason) await page.getByLabel(/^Reason for declining/).fill(reason);
  await page.getByRole('button', { name: 'Send decision' }).click();
  await page.getByRole('status').filter({ hasText: /^You (accepted|declined)/ }).waitFor();
}

/**
 * Follows a link of the main navigation, opening the header's "More" menu first when the link has been
 * folded into it (the workforce lead has more sections than fit on one line).
 */
export async function openSection(page: Page, link: string, heading: string | RegExp = link): Promise<void> {
  const navigation = page.getByRole('navigation', { name: 'Main' });
  const target = navigation.getByRole('link', { name: link, exact: true });
  try {
    await target.click({ timeout: 3_000 });
  } catch {
    await navigation.getByRole('button', { name: /More/ }).click();
    await target.click();
  }
  await pageHeading(page, heading).waitFor();
}

/**
 * The same with the keyboard only: Space picks the option, Tab moves on past the reason to the button,
 * Enter sends it.
 */
export async function decideWithKeyboard(page: Page, option: string): Promise<void> {
  await page.getByRole('radio', { name: option, exact: true }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
  await page.keyboard.press('Tab');
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Send decision');
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: /^You accepted/ }).waitFor();
}

/** Calls the API with the page's session, as the page itself would (by hash); fails on any GraphQL error. */
export async function callApi<Data>(page: Page, query: string, variables: Record<string, unknown>): Promise<Data> {
  const extensions = { persistedQuery: { version: 1, sha256Hash: persistSetupOperation(query) } };
  const response = await page.request.post('/graphql', { headers: { 'x-graphql-yoga-csrf': '1' }, data: { variables, extensions } });
  const body = (await response.json()) as { data?: Data; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`The API refused: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const CREATE_PROJECT = /* GraphQL */ `
  mutation CreateProject($input: ProjectInput!) { createProject(input: $input) { id } }
`;

/** A new draft project of the signed-in lead's organisation, made through the API. */
export async function createProjectThroughApi(page: Page, title: string, purpose: string): Promise<string> {
  const { createProject } = await callApi<{ createProject: { id: string } }>(page, CREATE_PROJECT, { input: { title, purpose } });
  return createProject.id;
}
