import { beforeAll, describe, expect, it } from 'vitest';
import { REVIEW_END, REVIEW_START, startAllocationScenarioApp, week } from '../fixtures/allocation-scenario.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

let statements = 0;
const setup = useScenarioApp(() => startAllocationScenarioApp({ onQuery: () => (statements += 1) }));

const CONFIRMED = 24;

beforeAll(async () => {
  const { prisma } = setup.database;
  const { analysts, requests, ics, users } = setup.scenario;
  const base = { icsId: ics.id, requestId: requests.mortalityReview.id, fte: 0.1, startWeek: week(REVIEW_START), endWeek: week(REVIEW_END) };
  // Confirmed proposals awaiting everyone, alternating Chloe (acute trust) and Dev (ICB).
  await prisma.allocation.createMany({
    data: Array.from({ length: CONFIRMED }, (_, index) => ({
      ...base,
      analystId: index % 2 === 0 ? analysts.chloe.id : analysts.dev.id,
      confirmedAt: new Date('2026-11-20T10:00:00Z'),
    })),
  });
  // Already decided by the hospice lead and Chloe: not theirs to do any more, still the acute lead's release.
  await prisma.allocation.create({
    data: { ...base, analystId: analysts.chloe.id, confirmedAt: new Date(), requesterDecision: 'ACCEPTED', analystDecision: 'ACCEPTED' },
  });
  // Unconfirmed proposals: the workforce lead's to review, nobody else's yet.
  await prisma.allocation.createMany({ data: Array.from({ length: 3 }, () => ({ ...base, analystId: analysts.dev.id })) });
  // Completed work on the hospice's request, one with feedback already.
  const completed = await prisma.allocation.createManyAndReturn({
    data: Array.from({ length: 3 }, () => ({ ...base, analystId: analysts.chloe.id, status: 'COMPLETED' as const, confirmedAt: new Date() })),
  });
  await prisma.feedback.create({ data: { icsId: ics.id, allocationId: completed[0]!.id, authorId: users.hospiceLead.id, rating: 4 } });
  // A declined allocation on a request still short of people and with nothing else proposed.
  const short = await prisma.request.create({
    data: {
      icsId: ics.id,
      projectId: setup.scenario.projects.hospiceActive.id,
      title: 'Carer survey analysis',
      fte: 0.2,
      startWeek: week('2027-01-11'),
      endWeek: week('2027-02-01'),
      status: 'SUBMITTED',
    },
  });
  await prisma.allocation.create({
    data: { icsId: ics.id, requestId: short.id, analystId: analysts.dev.id, fte: 0.2, startWeek: short.startWeek, endWeek: short.endWeek, status: 'DECLINED', declineReason: 'Busy.' },
  });
  // Declined ones nobody need replace: someone else is proposed since, or the request has its people.
  await prisma.allocation.create({ data: { ...base, analystId: analysts.chloe.id, status: 'DECLINED', declineReason: 'On leave.' } });
  const matched = await prisma.request.create({
    data: {
      icsId: ics.id,
      projectId: setup.scenario.projects.hospiceActive.id,
      title: 'Bereavement follow-up',
      fte: 0.2,
      startWeek: week('2027-01-11'),
      endWeek: week('2027-02-01'),
      status: 'MATCHED',
    },
  });
  await prisma.allocation.create({
    data: { icsId: ics.id, requestId: matched.id, analystId: analysts.dev.id, fte: 0.2, startWeek: matched.startWeek, endWeek: matched.endWeek, status: 'DECLINED', declineReason: 'Busy.' },
  });
});

const MY_ACTIONS = /* GraphQL */ `
  query ($first: Int) {
    myActions(first: $first) {
      totalCount
      items {
        kind text
        allocation {
          id fte status viewerParties
          analyst { id name organisation { name } }
          request { id title organisation { name } project { title } }
        }
      }
    }
  }
`;

interface Actions {
  totalCount: number;
  items: { kind: string; text: string; allocation: { id: string; analyst: { id: string; name: string }; request: { title: string } } }[];
}

async function actionsOf(user: { email: string }, first = 100) {
  const client = await setup.signIn(user);
  statements = 0;
  const result = await client.execute<{ myActions: Actions }>(MY_ACTIONS, { first });
  const cost = statements;
  expect(result.errors, result.text).toBeUndefined();
  const kinds: Record<string, number> = {};
  for (const item of result.data!.myActions.items) kinds[item.kind] = (kinds[item.kind] ?? 0) + 1;
  return { ...result.data!.myActions, kinds, statements: cost };
}

describe('myActions', () => {
  it('gives the requesting organisation lead the proposals to decide and the completed work to give feedback on', async () => {
    const { kinds, totalCount, items } = await actionsOf(setup.scenario.users.hospiceLead);
    expect(kinds).toEqual({ DECIDE_AS_REQUESTER: CONFIRMED, GIVE_FEEDBACK: 2 });
    expect(totalCount).toBe(CONFIRMED + 2);
    expect(items[0]!.text).toMatch(/^Accept or decline (Chloe Adeyemi|Dev Sharma) at 0.1 FTE for “Mortality review”\.$/);
  });

  it('gives a home organisation lead the releases of their own analysts to approve', async () => {
    const { kinds, items } = await actionsOf(setup.scenario.users.acuteLead);
    expect(kinds).toEqual({ APPROVE_RELEASE: CONFIRMED / 2 + 1 });
    expect(new Set(items.map((item) => item.allocation.analyst.id))).toEqual(new Set([setup.scenario.analysts.chloe.id]));
    expect(items[0]!.text).toContain('to St Brigid’s Hospice');
  });

  it('gives an analyst only the proposals awaiting their own decision', async () => {
    expect((await actionsOf(setup.scenario.users.chloe)).kinds).toEqual({ DECIDE_AS_ANALYST: CONFIRMED / 2 });
    expect((await actionsOf(setup.scenario.users.hospiceAnalyst)).kinds).toEqual({});
  });

  it('gives a lead with no stake nothing', async () => {
    expect(await actionsOf(setup.scenario.users.icbLead)).toMatchObject({ totalCount: 0, items: [] });
  });

  it('gives the workforce lead the unconfirmed proposals to review and declined ones to replace', async () => {
    const { kinds, items } = await actionsOf(setup.scenario.users.workforceLead);
    expect(kinds).toEqual({ REVIEW_PROPOSAL: 3, REPLACE_DECLINED: 1 });
    expect(items.find((item) => item.kind === 'REPLACE_DECLINED')!.text).toBe('Dev Sharma was declined for “Carer survey analysis”; propose someone else.');
  });

  it('lists at most `first` items but counts them all, in the same number of SQL statements for 3 as for 25', async () => {
    const few = await actionsOf(setup.scenario.users.hospiceLead, 3);
    const many = await actionsOf(setup.scenario.users.hospiceLead, 25);
    expect(few.items).toHaveLength(3);
    expect(many.items).toHaveLength(25);
    expect(few.totalCount).toBe(CONFIRMED + 2);
    expect(many.statements).toBe(few.statements);
    expect(many.statements).toBeLessThanOrEqual(4);
  });
});
