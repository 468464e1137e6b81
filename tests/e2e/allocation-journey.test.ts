import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/accessibility.ts';
import {
  analystWhoCanSignIn,
  callApi,
  createProjectThroughApi,
  createAndSubmitRequest,
  daysFromToday,
  decide,
  decideWithKeyboard,
  openActionFromHome,
  openSection,
} from './support/allocations.ts';
import { demoPeople } from './support/demo-data.ts';
import { useJourney } from './support/journey.ts';
import { pageHeading, signIn, signOut } from './support/session.ts';

describe('allocations through the web client', () => {
  const journey = useJourney();

  test('an organisation lead requests, the workforce lead proposes and confirms, and all three parties accept', async () => {
    const { page, prisma } = journey;
    const leads = [demoPeople.acuteLead, demoPeople.councilLead, demoPeople.hospiceLead];
    const analyst = await analystWhoCanSignIn(prisma, leads.map((lead) => lead.organisation));
    const homeLead = leads.find((lead) => lead.organisation === analyst.organisation)!;
    // Pooled time serves the other partners: the request comes from another organisation.
    const requester = leads.find((lead) => lead !== homeLead)!;
    const projectTitle = 'Bereavement support insight';
    const requestTitle = 'Bereavement caseload dashboard';
    const allocationHeading = `${analyst.name} for ${requestTitle}`;

    // The hospice lead creates and submits the request through the projects pages; it starts this week.
    await signIn(page, requester.email);
    await createAndSubmitRequest(page, {
      projectTitle,
      requestTitle,
      skill: analyst.skill,
      fte: '0.1',
      firstDay: daysFromToday(0),
      lastDay: daysFromToday(35),
    });
    await signOut(page);

    // The workforce lead proposes the analyst by hand from the ranked candidates, checks and confirms.
    await signIn(page, demoPeople.workforceLead.email);
    await openSection(page, 'Allocations', 'Proposals');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Propose an analyst by hand' }).click();
    await pageHeading(page, 'Propose an analyst').waitFor();
    const requestChoice = page.getByLabel('Request');
    await requestChoice.selectOption((await requestChoice.locator('option', { hasText: requestTitle }).getAttribute('value')) ?? '');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('radio', { name: analyst.name, exact: true }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('radio', { name: analyst.name, exact: true }).check();
    await page.getByLabel('Time a week, in FTE').fill('0.1');
    await page.getByRole('status').filter({ hasText: `${analyst.name} has the time and the skills for this.` }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Save proposal' }).click();
    await pageHeading(page, allocationHeading).waitFor();
    await page.getByText('Proposal saved. Confirm it to send it to the parties.').waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Confirm this proposal' }).click();
    await page.getByText('Confirmed. The parties can now accept or decline it.').waitFor();
    await expectNoAxeViolations(page);

    const allocation = await prisma.allocation.findFirstOrThrow({ where: { analystId: analyst.id, request: { title: requestTitle } } });
    expect(allocation.confirmedAt).not.toBeNull();

    await openSection(page, 'Allocations', 'Proposals');
    await page.getByRole('navigation', { name: 'Allocations' }).getByRole('link', { name: 'Timeline' }).click();
    await pageHeading(page, 'Allocations timeline').waitFor();
    await page.getByRole('table', { name: /^Allocations for 13 weeks from/ }).getByRole('row', { name: new RegExp(analyst.name) }).filter({ hasText: requestTitle }).waitFor();
    await expectNoAxeViolations(page);
    await signOut(page);

    // The requesting lead accepts from their home page's list of things to do.
    await signIn(page, requester.email);
    await openActionFromHome(page, allocation.id, allocationHeading);
    await expectNoAxeViolations(page);
    await decide(page, 'Yes, accept');
    await expectNoAxeViolations(page);
    await signOut(page);

    // The analyst's home organisation lead approves the release of their time.
    await signIn(page, homeLead.email);
    await openSection(page, 'Allocations', 'Proposals and releases');
    await page.getByRole('table', { name: "Your analysts proposed for other partners' work" }).getByRole('link', { name: allocationHeading }).waitFor();
    await expectNoAxeViolations(page);
    await openActionFromHome(page, allocation.id, allocationHeading);
    await decide(page, 'Yes, approve the release');
    await expectNoAxeViolations(page);
    await signOut(page);

    // The analyst accepts last, with the keyboard alone; the start week is this week, so it is active at once.
    await signIn(page, analyst.email);
    await page.getByRole('region', { name: 'What you need to do' }).getByRole('link').first().waitFor();
    await expectNoAxeViolations(page);
    await openActionFromHome(page, allocation.id, allocationHeading);
    await decideWithKeyboard(page, 'Yes, accept');
    await page.locator('.nhsuk-summary-list__row', { hasText: 'Status' }).getByText('Active').waitFor();
    await expectNoAxeViolations(page);

    const stored = await prisma.allocation.findUniqueOrThrow({ where: { id: allocation.id } });
    expect(stored).toMatchObject({ status: 'ACTIVE', requesterDecision: 'ACCEPTED', releaseDecision: 'ACCEPTED', analystDecision: 'ACCEPTED' });

    await openSection(page, 'Home', /Welcome, /);
    await page.getByRole('region', { name: 'Your allocations' }).getByRole('table').getByText(requestTitle).waitFor();
    await expectNoAxeViolations(page);
  });

  test('a requesting lead who declines must say why, and the next best candidate is proposed instead', async () => {
    const { page, prisma } = journey;
    const leads = [demoPeople.acuteLead, demoPeople.councilLead, demoPeople.hospiceLead];
    const analyst = await analystWhoCanSignIn(prisma, leads.map((lead) => lead.organisation));
    const requester = leads.find((lead) => lead.organisation !== analyst.organisation)!;
    const skill = await prisma.skill.findFirstOrThrow({ where: { name: analyst.skill.name } });
    const requestTitle = 'Hospice at home demand model';

    // Setup through the API: the request is submitted and the workforce lead has proposed and confirmed the analyst.
    await signIn(page, requester.email);
    const requestId = await submittedRequest(page, requestTitle, { skillId: skill.id, level: analyst.skill.level });
    await signOut(page);
    const weeks = await prisma.request.findUniqueOrThrow({ where: { id: requestId }, select: { startWeek: true, endWeek: true } });
    await signIn(page, demoPeople.workforceLead.email);
    const { proposeAllocation } = await callApi<{ proposeAllocation: { id: string } }>(page, PROPOSE, {
      input: { analystId: analyst.id, requestId, fte: 0.1, startWeek: isoDay(weeks.startWeek), endWeek: isoDay(weeks.endWeek) },
    });
    await callApi(page, CONFIRM, { input: { ids: [proposeAllocation.id] } });
    await signOut(page);

    await signIn(page, requester.email);
    await openSection(page, 'Allocations', 'Proposals and releases');
    await page.getByRole('table', { name: 'Analysts proposed for your requests' }).getByRole('link', { name: `${analyst.name} for ${requestTitle}` }).click();
    await pageHeading(page, `${analyst.name} for ${requestTitle}`).waitFor();
    await page.getByRole('radio', { name: 'No, decline', exact: true }).check();
    await page.getByRole('button', { name: 'Send decision' }).click();
    await page.locator('.nhsuk-error-summary').getByRole('link', { name: 'Enter why you decline' }).waitFor();
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await expectNoAxeViolations(page);

    await decide(page, 'No, decline', 'We need someone who can be on site on Tuesdays.');
    await page.locator('.nhsuk-summary-list__row', { hasText: 'Status' }).getByText('Declined').waitFor();
    await expectNoAxeViolations(page);

    const declined = await prisma.allocation.findUniqueOrThrow({ where: { id: proposeAllocation.id } });
    expect(declined).toMatchObject({ status: 'DECLINED', requesterDecision: 'DECLINED', declineReason: 'We need someone who can be on site on Tuesdays.' });
    // The next best candidate, proposed for the workforce lead to review: tentative, and someone else.
    const replacement = await prisma.allocation.findFirstOrThrow({ where: { requestId, id: { not: declined.id } }, include: { analyst: true } });
    expect(replacement).toMatchObject({ status: 'PROPOSED', confirmedAt: null });
    expect(replacement.analystId).not.toBe(analyst.id);
    await page.getByRole('status').filter({ hasText: `You declined. ${replacement.analyst.name} is proposed instead` }).waitFor();
  });
});

const CREATE_REQUEST = /* GraphQL */ `
  mutation CreateRequest($projectId: ID!, $input: RequestInput!) { createRequest(projectId: $projectId, input: $input) { id version } }
`;
const SUBMIT_REQUEST = /* GraphQL */ `
  mutation SubmitRequest($id: ID!, $version: Int!) { submitRequest(id: $id, version: $version) { id } }
`;
const PROPOSE = /* GraphQL */ `
  mutation Propose($input: ProposeAllocationInput!) { proposeAllocation(input: $input) { id } }
`;
const CONFIRM = /* GraphQL */ `
  mutation Confirm($input: ConfirmAllocationsInput!) { confirmAllocations(input: $input) { id } }
`;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A submitted request of the signed-in lead's organisation, needing the skill from next week for five weeks. */
async function submittedRequest(page: Page, title: string, skill: { skillId: string; level: number }): Promise<string> {
  const projectId = await createProjectThroughApi(page, `${title} project`, 'Plan care at home for the coming winter.');
  const { createRequest } = await callApi<{ createRequest: { id: string; version: number } }>(page, CREATE_REQUEST, {
    projectId,
    input: {
      title,
      requiredSkills: [skill],
      desiredSkills: [],
      fte: 0.1,
      startWeek: daysFromToday(7),
      endWeek: daysFromToday(35),
      priority: 'HIGH',
      openToDevelopment: false,
    },
  });
  await callApi(page, SUBMIT_REQUEST, { id: createRequest.id, version: createRequest.version });
  return createRequest.id;
}
