import { randomUUID } from 'node:crypto';
import { getNamedType, isInputObjectType, type GraphQLInputType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../api/src/auth/password.ts';
import { schema } from '../../api/src/schema/index.ts';
import type { GraphqlResponse } from '../fixtures/api-client.ts';
import { REVIEW_END, REVIEW_START, startAllocationScenarioApp, week } from '../fixtures/allocation-scenario.ts';
import { denialOf, ROLES, roleClients, type Cast, type Role, type SignedInRole } from '../fixtures/authorisation-roles.ts';
import { SCENARIO_PASSWORD } from '../fixtures/ics-scenario.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

// Every query × every role, with exactly what each role must see: a denial, or the data summarised. A query
// added to the schema without an expectation here fails the first test. The subject is Aisha, a hospice
// analyst: her own lead is the hospice lead, the ICB lead has no stake in her, Ben (acute trust) is a colleague.

const CAST: Cast = {
  workforceLead: 'workforceLead',
  ownLead: 'hospiceLead',
  otherLead: 'icbLead',
  analystSelf: 'hospiceAnalyst',
  otherAnalyst: 'acuteAnalyst',
};

const setup = useScenarioApp(startAllocationScenarioApp);
const clientFor = roleClients(setup);

type Data = Record<string, any>;
type Expected = Record<Role, unknown>;

interface Case {
  document: string;
  variables?: () => Record<string, unknown>;
  /** What of the data the expectation is about; by default whether the field came back at all. */
  pick?: (data: Data) => unknown;
  expected: () => Expected;
}

/** The same for every signed-in role; signed out is UNAUTHENTICATED. */
const signedIn = (value: unknown): Expected => bySignedInRole({
  workforceLead: value, ownLead: value, otherLead: value, analystSelf: value, otherAnalyst: value,
});
const bySignedInRole = (values: Record<SignedInRole, unknown>): Expected => ({ ...values, signedOut: 'UNAUTHENTICATED' });
/** `value` for the roles given, FORBIDDEN to the other signed-in roles. */
const only = (roles: readonly SignedInRole[], value: unknown = 'DATA'): Expected =>
  bySignedInRole(Object.fromEntries(ROLES.filter((role) => role !== 'signedOut').map((role) => [role, roles.includes(role) ? value : 'FORBIDDEN'])) as Record<SignedInRole, unknown>);
const LEADS = ['workforceLead', 'ownLead', 'otherLead'] as const;
const ANALYSTS = ['analystSelf', 'otherAnalyst'] as const;

const sorted = (values: unknown[]) => [...values].map(String).sort();
const titleOf = (allocation: Data) => `${allocation.analyst.name} on ${allocation.request.title}`;
/** Names of the analysts whose email the viewer got. */
const withEmail = (analysts: Data[]) => sorted(analysts.filter((analyst) => analyst.email !== null).map((analyst) => analyst.name));
const csvColumn = (csv: string, column: number) => sorted(csv.trim().split('\n').slice(1).map((line) => line.split(',')[column]).filter(Boolean));

const scenario = () => setup.scenario;
let records: { aishaCompleted: string; run: string };

// Allocations: Ben (acute) accepted on the hospice forecast; Aisha's completed mortality review, with the
// hospice lead's feedback; Chloe's (acute) completed one still awaiting feedback.
const ALL_ALLOCATIONS = ['Aisha Khan on Mortality review', 'Ben Okafor on Demand forecast', 'Chloe Adeyemi on Mortality review'];
const ALL_ANALYSTS = ['Aisha Khan', 'Ben Okafor', 'Chloe Adeyemi', 'Dev Sharma'];

const CASES: Record<string, Case> = {
  allocation: {
    document: `query ($id: ID!) { allocation(id: $id) { id analyst { name email } request { title } } }`,
    variables: () => ({ id: records.aishaCompleted }),
    pick: ({ allocation }) => allocation && `${titleOf(allocation)} <${allocation.analyst.email}>`,
    expected: () => {
      const seen = 'Aisha Khan on Mortality review <aisha.khan@stbrigids.example>';
      return bySignedInRole({ workforceLead: seen, ownLead: seen, otherLead: null, analystSelf: seen, otherAnalyst: null });
    },
  },
  allocationCheck: {
    document: `query ($input: AllocationCheckInput!) { allocationCheck(input: $input) { fits } }`,
    variables: () => ({
      input: { analystId: scenario().analysts.chloe.id, requestId: scenario().requests.mortalityReview.id, fte: 0.1, startWeek: REVIEW_START, endWeek: REVIEW_END },
    }),
    expected: () => only(['workforceLead']),
  },
  allocations: {
    document: `{ allocations { totalCount edges { node { analyst { name } request { title } } } } }`,
    pick: ({ allocations }) => ({ totalCount: allocations.totalCount, items: sorted(allocations.edges.map(({ node }: Data) => titleOf(node))) }),
    expected: () => {
      const list = (items: string[]) => ({ totalCount: items.length, items });
      return bySignedInRole({
        workforceLead: list(ALL_ALLOCATIONS),
        ownLead: list(ALL_ALLOCATIONS),
        otherLead: list([]),
        analystSelf: list(['Aisha Khan on Mortality review']),
        otherAnalyst: list(['Ben Okafor on Demand forecast']),
      });
    },
  },
  analyst: {
    document: `query ($id: ID!) {
      analyst(id: $id) {
        name email sectorsOfInterest aspirations { targetLevel } availabilities { startWeek }
        allocations { totalCount edges { node { analyst { name } request { title } } } }
      }
    }`,
    variables: () => ({ id: scenario().analysts.hospiceAnalyst.id }),
    pick: ({ analyst }) => ({
      email: analyst.email,
      sectors: analyst.sectorsOfInterest,
      aspirations: analyst.aspirations?.length ?? null,
      availabilities: analyst.availabilities?.length ?? null,
      allocations: [analyst.allocations.totalCount, ...analyst.allocations.edges.map(({ node }: Data) => titleOf(node))],
    }),
    expected: () => {
      const steward = { email: 'aisha.khan@stbrigids.example', sectors: [], aspirations: 1, availabilities: 1, allocations: [1, 'Aisha Khan on Mortality review'] };
      const onlooker = { email: null, sectors: null, aspirations: null, availabilities: null, allocations: [0] };
      return bySignedInRole({ workforceLead: steward, ownLead: steward, otherLead: onlooker, analystSelf: steward, otherAnalyst: onlooker });
    },
  },
  analysts: {
    document: `{ analysts { totalCount edges { node { name email } } } }`,
    pick: ({ analysts }) => ({ totalCount: analysts.totalCount, withEmail: withEmail(analysts.edges.map(({ node }: Data) => node)) }),
    expected: () => {
      const seen = (names: string[]) => ({ totalCount: 4, withEmail: names });
      return bySignedInRole({
        workforceLead: seen(ALL_ANALYSTS),
        ownLead: seen(['Aisha Khan']),
        otherLead: seen([]),
        analystSelf: seen(['Aisha Khan']),
        otherAnalyst: seen(['Ben Okafor']),
      });
    },
  },
  auditActors: { document: `{ auditActors { id } }`, expected: () => only(['workforceLead']) },
  auditEvents: { document: `{ auditEvents { totalCount } }`, expected: () => only(['workforceLead']) },
  candidates: {
    document: `query ($requestId: ID!) { candidates(requestId: $requestId) { analyst { name } } }`,
    variables: () => ({ requestId: scenario().requests.mortalityReview.id }),
    expected: () => only(['workforceLead']),
  },
  capacityDemand: { document: `{ capacityDemand { startWeek } }`, expected: () => only(LEADS) },
  careerPath: {
    document: `query ($analystId: ID) { careerPath(analystId: $analystId) { analystName history { comment } } }`,
    variables: () => ({ analystId: scenario().analysts.hospiceAnalyst.id }),
    pick: ({ careerPath }) => ({ analyst: careerPath.analystName, comments: careerPath.history.map((entry: Data) => entry.comment) }),
    expected: () => only(['workforceLead', 'ownLead', 'analystSelf'], { analyst: 'Aisha Khan', comments: ['Careful, clear work.'] }),
  },
  developmentPlacements: { document: `{ developmentPlacements { total } }`, expected: () => only(['workforceLead']) },
  exportCsv: {
    document: `{ analysts: exportCsv(kind: ANALYSTS) allocations: exportCsv(kind: ALLOCATIONS) requests: exportCsv(kind: REQUESTS) }`,
    // Analysts are exported by email; allocations list the analyst, then their email.
    pick: (data) => ({ analysts: csvColumn(data.analysts, 0), allocationEmails: csvColumn(data.allocations, 1), requests: csvColumn(data.requests, 2) }),
    expected: () => bySignedInRole({
      workforceLead: {
        analysts: ['aisha.khan@stbrigids.example', 'ben.okafor@riverside-hospitals.example', 'chloe.adeyemi@riverside-hospitals.example', 'dev.sharma@northbank.example'],
        allocationEmails: ['aisha.khan@stbrigids.example', 'ben.okafor@riverside-hospitals.example', 'chloe.adeyemi@riverside-hospitals.example'],
        requests: ['Demand forecast', 'Mortality review', 'Referral pathway mapping', 'Theatre session analysis'],
      },
      // Ben and Chloe work on hospice requests, but their contact details are their own organisation's.
      ownLead: { analysts: ['aisha.khan@stbrigids.example'], allocationEmails: ['aisha.khan@stbrigids.example'], requests: ['Demand forecast', 'Mortality review', 'Referral pathway mapping'] },
      otherLead: { analysts: [], allocationEmails: [], requests: [] },
      analystSelf: 'FORBIDDEN',
      otherAnalyst: 'FORBIDDEN',
    }),
  },
  fairnessPeriods: { document: `{ fairnessPeriods { id } }`, expected: () => signedIn('DATA') },
  fairnessReport: { document: `{ fairnessReport { startWeek } }`, expected: () => signedIn('DATA') },
  feedbackDue: {
    document: `{ feedbackDue { analystName requestTitle } }`,
    pick: ({ feedbackDue }) => feedbackDue.map((due: Data) => `${due.analystName} on ${due.requestTitle}`),
    expected: () => bySignedInRole({ workforceLead: [], ownLead: ['Chloe Adeyemi on Mortality review'], otherLead: [], analystSelf: [], otherAnalyst: [] }),
  },
  hasCalendarFeed: { document: `{ hasCalendarFeed }`, pick: (data) => data.hasCalendarFeed, expected: () => only(ANALYSTS, false) },
  ics: { document: `{ ics { name } }`, pick: ({ ics }) => ics.name, expected: () => signedIn('Riverside Integrated Care System') },
  matchingRun: {
    document: `query ($id: ID!) { matchingRun(id: $id) { id } }`,
    variables: () => ({ id: records.run }),
    expected: () => only(['workforceLead']),
  },
  matchingRuns: { document: `{ matchingRuns { totalCount } }`, expected: () => only(['workforceLead']) },
  me: {
    document: `{ me { email analyst { email } } }`,
    pick: ({ me }) => me && [me.email, me.analyst?.email ?? null],
    expected: () => ({
      workforceLead: ['wendy.lau@riverside-icb.example', null],
      ownLead: ['harriet.cole@stbrigids.example', null],
      otherLead: ['imran.qureshi@riverside-icb.example', null],
      analystSelf: ['aisha.khan@stbrigids.example', 'aisha.khan@stbrigids.example'],
      otherAnalyst: ['ben.okafor@riverside-hospitals.example', 'ben.okafor@riverside-hospitals.example'],
      signedOut: null,
    }),
  },
  myActions: {
    document: `{ myActions { items { kind allocation { analyst { name } request { title } } } } }`,
    pick: ({ myActions }) => myActions.items.map((item: Data) => `${item.kind}: ${titleOf(item.allocation)}`),
    expected: () => bySignedInRole({ workforceLead: [], ownLead: ['GIVE_FEEDBACK: Chloe Adeyemi on Mortality review'], otherLead: [], analystSelf: [], otherAnalyst: [] }),
  },
  myProfileReads: { document: `{ myProfileReads { totalCount } }`, expected: () => only(ANALYSTS) },
  opportunities: { document: `{ opportunities { requestId } }`, expected: () => only(ANALYSTS) },
  opportunity: {
    document: `query ($requestId: ID!) { opportunity(requestId: $requestId) { title } }`,
    variables: () => ({ requestId: scenario().requests.hospiceDraft.id }),
    // A draft is no one's opportunity.
    expected: () => only(ANALYSTS, null),
  },
  organisation: {
    document: `query ($id: ID!) { organisation(id: $id) { name } }`,
    variables: () => ({ id: scenario().organisations.hospice.id }),
    pick: ({ organisation }) => organisation.name,
    expected: () => signedIn('St Brigid’s Hospice'),
  },
  organisations: { document: `{ organisations { totalCount } }`, pick: ({ organisations }) => organisations.totalCount, expected: () => signedIn(4) },
  poolSummary: { document: `{ poolSummary { organisations } }`, pick: ({ poolSummary }) => poolSummary.organisations, expected: () => signedIn(4) },
  profileReads: {
    document: `{ profileReads { edges { node { analyst { email } } } } }`,
    expected: () => only(['workforceLead']),
  },
  project: {
    document: `query ($id: ID!) { project(id: $id) { title } }`,
    variables: () => ({ id: scenario().projects.hospiceDraft.id }),
    pick: ({ project }) => project?.title ?? null,
    expected: () => {
      const seen = 'Bereavement service review';
      return bySignedInRole({ workforceLead: seen, ownLead: seen, otherLead: null, analystSelf: null, otherAnalyst: null });
    },
  },
  projects: {
    document: `{ projects { edges { node { title } } } }`,
    pick: ({ projects }) => sorted(projects.edges.map(({ node }: Data) => node.title)),
    expected: () => {
      const active = ['Community palliative care demand model'];
      return bySignedInRole({
        workforceLead: [...active, 'Bereavement service review', 'Theatre utilisation dashboard'].sort(),
        ownLead: [...active, 'Bereavement service review'].sort(),
        otherLead: active,
        analystSelf: active,
        otherAnalyst: active,
      });
    },
  },
  request: {
    document: `query ($draft: ID!, $submitted: ID!) {
      draft: request(id: $draft) { title }
      submitted: request(id: $submitted) { allocations { analyst { name email } request { title } } }
    }`,
    variables: () => ({ draft: scenario().requests.hospiceDraft.id, submitted: scenario().requests.mortalityReview.id }),
    pick: ({ draft, submitted }) => ({
      draft: draft?.title ?? null,
      allocations: sorted(submitted.allocations.map((allocation: Data) => `${titleOf(allocation)} <${allocation.analyst.email}>`)),
    }),
    expected: () => {
      const aisha = 'Aisha Khan on Mortality review <aisha.khan@stbrigids.example>';
      return bySignedInRole({
        workforceLead: { draft: 'Referral pathway mapping', allocations: [aisha, 'Chloe Adeyemi on Mortality review <chloe.adeyemi@riverside-hospitals.example>'] },
        ownLead: { draft: 'Referral pathway mapping', allocations: [aisha, 'Chloe Adeyemi on Mortality review <null>'] },
        otherLead: { draft: null, allocations: [] },
        analystSelf: { draft: null, allocations: [aisha] },
        otherAnalyst: { draft: null, allocations: [] },
      });
    },
  },
  requests: {
    document: `{ requests { edges { node { title } } } }`,
    pick: ({ requests }) => sorted(requests.edges.map(({ node }: Data) => node.title)),
    expected: () => {
      const submitted = ['Demand forecast', 'Mortality review'];
      return bySignedInRole({
        workforceLead: [...submitted, 'Referral pathway mapping', 'Theatre session analysis'].sort(),
        ownLead: [...submitted, 'Referral pathway mapping'].sort(),
        otherLead: submitted,
        analystSelf: submitted,
        otherAnalyst: submitted,
      });
    },
  },
  roleProfiles: { document: `{ roleProfiles { totalCount } }`, pick: ({ roleProfiles }) => roleProfiles.totalCount, expected: () => signedIn(1) },
  skills: { document: `{ skills { totalCount } }`, pick: ({ skills }) => skills.totalCount, expected: () => signedIn(3) },
  user: {
    document: `query ($id: ID!) { user(id: $id) { email disabled lastSignInAt } }`,
    variables: () => ({ id: scenario().users.hospiceLead.id }),
    pick: ({ user }) => user.email,
    expected: () => only(['workforceLead'], 'harriet.cole@stbrigids.example'),
  },
  users: {
    document: `{ users { totalCount } }`,
    pick: ({ users }) => users.totalCount,
    expected: () => only(['workforceLead'], 7),
  },
  analystsWithoutAccount: {
    document: `query ($id: ID!) { analystsWithoutAccount(organisationId: $id) { name } }`,
    variables: () => ({ id: scenario().organisations.communityTrust.id }),
    pick: ({ analystsWithoutAccount }) => analystsWithoutAccount.map((analyst: Data) => analyst.name),
    expected: () => only(['workforceLead'], ['Dev Sharma']),
  },
  utilisation: {
    document: `{ utilisation { analysts { analyst { name } } } }`,
    pick: ({ utilisation }) => sorted(utilisation.analysts.map((row: Data) => row.analyst.name)),
    expected: () => bySignedInRole({ workforceLead: ALL_ANALYSTS, ownLead: ['Aisha Khan'], otherLead: [], analystSelf: 'FORBIDDEN', otherAnalyst: 'FORBIDDEN' }),
  },
};

/** A denial code, the picked data, or the whole response when it failed otherwise. */
function outcomeOf(response: GraphqlResponse, pick: (data: Data) => unknown): unknown {
  const denial = denialOf(response);
  if (denial) return denial;
  if (response.errors || !response.data) return `ERROR ${response.text}`;
  return pick(response.data);
}

/** Whether the field came back: DATA, or null. */
const cameBack = (field: string) => (data: Data) => (data[field] === null ? null : 'DATA');

// Records in another ICS (Hillside), to be guessed by id from Riverside.
let hillside: { organisation: string; analyst: string; skill: string; project: string; request: string; allocation: string; run: string; user: string };

beforeAll(async () => {
  const { prisma } = setup.database;
  const { ics, analysts, requests, skills, users, otherIcs } = setup.scenario;
  const completed = (analystId: string) =>
    prisma.allocation.create({
      data: { icsId: ics.id, analystId, requestId: requests.mortalityReview.id, fte: 0.1, startWeek: week('2026-09-07'), endWeek: week('2026-10-26'), status: 'COMPLETED', confirmedAt: new Date('2026-09-01T09:00:00Z') },
    });
  const aishaCompleted = await completed(analysts.hospiceAnalyst.id);
  const feedback = await prisma.feedback.create({
    data: { icsId: ics.id, allocationId: aishaCompleted.id, authorId: users.hospiceLead.id, rating: 5, comment: 'Careful, clear work.' },
  });
  await prisma.skillEvidence.create({
    data: { icsId: ics.id, analystId: analysts.hospiceAnalyst.id, skillId: skills.statistics.id, fromLevel: 2, toLevel: 3, feedbackId: feedback.id, evidencedById: users.hospiceLead.id },
  });
  await completed(analysts.chloe.id);
  const run = await prisma.matchingRun.create({
    data: { icsId: ics.id, windowStart: week('2027-01-04'), windowEnd: week('2027-03-29'), policy: {}, status: 'SUCCEEDED', createdById: users.workforceLead.id },
  });
  records = { aishaCompleted: aishaCompleted.id, run: run.id };

  const icsId = otherIcs.ics.id;
  const skill = await prisma.skill.create({ data: { icsId, name: 'Hillside statistics', category: 'STATISTICS', description: 'Statistics.' } });
  const project = await prisma.project.create({ data: { icsId, organisationId: otherIcs.organisation.id, title: 'Hillside flow study', purpose: 'Flow.', status: 'ACTIVE' } });
  const request = await prisma.request.create({
    data: { icsId, projectId: project.id, title: 'Hillside flow model', fte: 0.2, startWeek: week('2027-01-04'), endWeek: week('2027-03-29'), status: 'SUBMITTED', submittedAt: new Date('2026-11-20T10:00:00Z') },
  });
  const allocation = await prisma.allocation.create({
    data: { icsId, analystId: otherIcs.analyst.id, requestId: request.id, fte: 0.2, startWeek: week('2027-01-04'), endWeek: week('2027-03-29'), status: 'ACCEPTED' },
  });
  const otherRun = await prisma.matchingRun.create({ data: { icsId, windowStart: week('2027-01-04'), windowEnd: week('2027-03-29'), policy: {}, status: 'SUCCEEDED' } });
  hillside = { organisation: otherIcs.organisation.id, analyst: otherIcs.analyst.id, skill: skill.id, project: project.id, request: request.id, allocation: allocation.id, run: otherRun.id, user: otherIcs.workforceLead.id };

  // Sign everyone in before the requests run side by side.
  for (const role of ROLES) await clientFor(role, CAST);
});

describe('query authorisation', () => {
  it('has an expectation for every query in the schema', () => {
    const queries = Object.keys(schema.getQueryType()!.getFields()).sort();
    expect(Object.keys(CASES).sort()).toEqual(queries);
  });

  it('gives every role exactly what it may see of every query', { timeout: 120_000 }, async () => {
    const expected: Record<string, Expected> = {};
    const actual: Record<string, Record<string, unknown>> = {};
    await Promise.all(
      Object.entries(CASES).map(async ([name, testCase]) => {
        expected[name] = testCase.expected();
        actual[name] = {};
        for (const role of ROLES) {
          const client = await clientFor(role, CAST);
          const response = await client.execute(testCase.document, testCase.variables?.() ?? {});
          actual[name][role] = outcomeOf(response, testCase.pick ?? cameBack(name));
        }
      }),
    );
    expect(actual).toEqual(expected);
  });
});

describe('an organisation lead whose organisation is gone', () => {
  it("sees no organisation's people, allocations or exports", async () => {
    const email = 'orphaned.lead@riverside.example';
    await setup.database.prisma.user.create({
      data: { icsId: setup.scenario.ics.id, name: 'Olu Reid', email, passwordHash: await hashPassword(SCENARIO_PASSWORD), role: 'ORGANISATION_LEAD' },
    });
    const client = await setup.signIn({ email });
    const cases: [Case, unknown][] = [
      [CASES.exportCsv!, 'FORBIDDEN'],
      [CASES.utilisation!, 'FORBIDDEN'],
      [CASES.allocations!, { totalCount: 0, items: [] }],
      [CASES.analysts!, { totalCount: 4, withEmail: [] }],
      [CASES.projects!, ['Community palliative care demand model']],
    ];
    for (const [testCase, expected] of cases) {
      expect(outcomeOf(await client.execute(testCase.document), testCase.pick!)).toEqual(expected);
    }
  });
});

type Guessed = typeof hillside;

interface Guess {
  document: string;
  variables: (target: Guessed) => Record<string, unknown>;
}

// Every query that takes an id, asked with ids of another ICS's records and with random ones: both must
// come back alike (NOT_FOUND, FORBIDDEN, null or nothing listed), so no one can tell another ICS's id exists.
const GUESSES: Record<string, Guess> = {
  allocation: { document: `query ($id: ID!) { allocation(id: $id) { id } }`, variables: (target) => ({ id: target.allocation }) },
  allocationCheck: {
    document: `query ($input: AllocationCheckInput!) { allocationCheck(input: $input) { fits problems } }`,
    variables: (target) => ({
      input: { analystId: target.analyst, requestId: target.request, allocationId: target.allocation, mentorAllocationId: target.allocation, fte: 0.2, startWeek: '2027-01-04', endWeek: '2027-03-29' },
    }),
  },
  allocations: {
    document: `query ($filter: AllocationFilter) { allocations(filter: $filter) { totalCount } }`,
    variables: (target) => ({ filter: { analystId: target.analyst, organisationId: target.organisation, requestId: target.request, runId: target.run, skillId: target.skill } }),
  },
  analyst: { document: `query ($id: ID!) { analyst(id: $id) { id } }`, variables: (target) => ({ id: target.analyst }) },
  analysts: {
    document: `query ($filter: AnalystFilter) { analysts(filter: $filter) { totalCount } }`,
    variables: (target) => ({ filter: { organisationId: target.organisation, skillId: target.skill } }),
  },
  auditEvents: {
    document: `query ($filter: AuditEventFilter) { auditEvents(filter: $filter) { totalCount } }`,
    variables: (target) => ({ filter: { actorId: target.analyst, entityId: target.allocation } }),
  },
  candidates: { document: `query ($id: ID!) { candidates(requestId: $id) { rank } }`, variables: (target) => ({ id: target.request }) },
  capacityDemand: {
    document: `query ($id: ID) { capacityDemand(organisationId: $id) { organisations { key } } }`,
    variables: (target) => ({ id: target.organisation }),
  },
  careerPath: { document: `query ($id: ID) { careerPath(analystId: $id) { analystName } }`, variables: (target) => ({ id: target.analyst }) },
  matchingRun: { document: `query ($id: ID!) { matchingRun(id: $id) { id } }`, variables: (target) => ({ id: target.run }) },
  opportunity: { document: `query ($id: ID!) { opportunity(requestId: $id) { title } }`, variables: (target) => ({ id: target.request }) },
  organisation: { document: `query ($id: ID!) { organisation(id: $id) { name } }`, variables: (target) => ({ id: target.organisation }) },
  organisations: { document: `query ($search: String) { organisations(search: $search) { totalCount } }`, variables: () => ({ search: 'QHL' }) },
  profileReads: {
    document: `query ($filter: ProfileReadFilter) { profileReads(filter: $filter) { totalCount } }`,
    variables: (target) => ({ filter: { analystId: target.analyst, readerId: target.analyst } }),
  },
  project: { document: `query ($id: ID!) { project(id: $id) { title } }`, variables: (target) => ({ id: target.project }) },
  projects: {
    document: `query ($filter: ProjectFilter) { projects(filter: $filter) { totalCount } }`,
    variables: (target) => ({ filter: { organisationId: target.organisation } }),
  },
  request: { document: `query ($id: ID!) { request(id: $id) { title } }`, variables: (target) => ({ id: target.request }) },
  requests: {
    document: `query ($filter: RequestFilter) { requests(filter: $filter) { totalCount } }`,
    variables: (target) => ({ filter: { organisationId: target.organisation, skillId: target.skill } }),
  },
  user: { document: `query ($id: ID!) { user(id: $id) { email } }`, variables: (target) => ({ id: target.user }) },
  users: {
    document: `query ($filter: UserFilter) { users(filter: $filter) { totalCount } }`,
    variables: (target) => ({ filter: { organisationId: target.organisation } }),
  },
  analystsWithoutAccount: {
    document: `query ($id: ID!) { analystsWithoutAccount(organisationId: $id) { name } }`,
    variables: (target) => ({ id: target.organisation }),
  },
  utilisation: {
    document: `query ($id: ID) { utilisation(organisationId: $id) { analysts { analyst { name } } organisations { organisation { name } } } }`,
    variables: (target) => ({ id: target.organisation }),
  },
};

/** Whether an argument's type is, or holds, an ID. */
function takesId(type: GraphQLInputType): boolean {
  const named = getNamedType(type);
  if (named.name === 'ID') return true;
  return isInputObjectType(named) && Object.values(named.getFields()).some((field) => takesId(field.type));
}

/** A response with nothing in it: a denial, or data holding only nulls, zeros and empty lists. */
function isEmpty(value: unknown): boolean {
  if (value === null || value === 0 || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value as object).every(isEmpty);
  return false;
}

const randomIds = (): Guessed => ({
  organisation: randomUUID(), analyst: randomUUID(), skill: randomUUID(), project: randomUUID(), request: randomUUID(), allocation: randomUUID(), run: randomUUID(), user: randomUUID(),
});

describe("guessing another ICS's ids", () => {
  it('covers every query that takes an id', () => {
    const withIds = Object.values(schema.getQueryType()!.getFields())
      .filter((field) => field.args.some((arg) => takesId(arg.type)))
      .map((field) => field.name);
    expect(withIds.filter((name) => !GUESSES[name])).toEqual([]);
  });

  it("answers another ICS's ids exactly as random ones, with nothing in them", { timeout: 60_000 }, async () => {
    const hillsideNames = /Hillside|Aaron Hill|QHL/;
    const signedInRoles = ROLES.filter((role) => role !== 'signedOut');
    const results = await Promise.all(
      Object.entries(GUESSES).flatMap(([name, guess]) =>
        signedInRoles.map(async (role) => {
          const client = await clientFor(role, CAST);
          const random = randomIds();
          const [other, unknown] = await Promise.all([client.execute(guess.document, guess.variables(hillside)), client.execute(guess.document, guess.variables(random))]);
          // Ids may be echoed in messages: compare with each set of ids put back to its placeholder.
          const normalise = (response: GraphqlResponse, target: Guessed) =>
            Object.entries(target).reduce((text, [key, id]) => text.replaceAll(id, `<${key}>`), response.text);
          return {
            case: `${name} as ${role}`,
            alike: normalise(other, hillside) === normalise(unknown, random),
            empty: denialOf(other) !== undefined || (!other.errors && isEmpty(other.data)),
            leaks: hillsideNames.test(other.text),
            response: other.text,
          };
        }),
      ),
    );
    expect(results.filter((result) => !result.alike || !result.empty || result.leaks)).toEqual([]);
  });
});
