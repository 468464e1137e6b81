import { beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../api/src/schema/index.ts';
import type { GraphqlResponse } from '../fixtures/api-client.ts';
import { REVIEW_END, REVIEW_START, startAllocationScenarioApp, week } from '../fixtures/allocation-scenario.ts';
import { denialOf, ROLES, roleClients, type Cast, type Denial, type Role, type SignedInRole, type UserKey } from '../fixtures/authorisation-roles.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

// Every mutation × every role, with the outcome each role must get. A mutation added to the schema without
// an expectation here fails the first test, so none slips through unchecked.

/** ALLOWED: success or a domain error other than FORBIDDEN/UNAUTHENTICATED (the role got past authorisation). */
type Outcome = 'ALLOWED' | Denial;

interface Case {
  document: string;
  /** Evaluated just before each call, so versions are current. */
  variables: () => Promise<Record<string, unknown>> | Record<string, unknown>;
  allowed: readonly Role[];
  /** Who plays the organisation lead and analyst whose organisation or record the mutation concerns. */
  cast?: Partial<Record<SignedInRole, UserKey>>;
  /** Denied roles that must not learn the target exists get NOT_FOUND rather than FORBIDDEN. */
  notFoundFor?: readonly Role[];
  /** Signs each role in afresh (the mutation ends sessions). */
  freshSession?: boolean;
}

const DEFAULT_CAST: Cast = {
  workforceLead: 'workforceLead',
  ownLead: 'hospiceLead',
  otherLead: 'icbLead',
  analystSelf: 'chloe',
  otherAnalyst: 'hospiceAnalyst',
};

const LEADS: readonly Role[] = ['workforceLead', 'ownLead'];
const WORKFORCE: readonly Role[] = ['workforceLead'];
const ANALYSTS: readonly Role[] = ['analystSelf', 'otherAnalyst'];
const EVERYONE: readonly Role[] = ROLES;

const setup = useScenarioApp(startAllocationScenarioApp);

let counter = 0;
const unique = (label: string) => `${label} ${(counter += 1)}`;

const version = async (model: 'allocation' | 'project' | 'request' | 'analyst' | 'roleProfile', id: string) =>
  (await (setup.database.prisma[model] as unknown as { findUniqueOrThrow(args: object): Promise<{ version: number }> }).findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

interface Targets {
  unconfirmed: string;
  toConfirm: string;
  toDecide: string;
  toWithdraw: string;
  completed: string;
  projectToCancel: string;
  requestToSubmit: string;
  requestToCancel: string;
  roleProfile: string;
  account: string;
}
let targets: Targets;

beforeAll(async () => {
  const { prisma } = setup.database;
  const { ics, analysts, requests, projects } = setup.scenario;
  const allocation = (data: Record<string, unknown> = {}) =>
    prisma.allocation
      .create({
        data: {
          icsId: ics.id,
          analystId: analysts.chloe.id,
          requestId: requests.mortalityReview.id,
          fte: 0.1,
          startWeek: week(REVIEW_START),
          endWeek: week(REVIEW_END),
          ...data,
        },
      })
      .then((row) => row.id);
  const confirmedAt = new Date('2026-11-20T10:00:00Z');
  const request = (title: string, status: 'DRAFT' | 'SUBMITTED') =>
    prisma.request
      .create({
        data: { icsId: ics.id, projectId: projects.hospiceActive.id, title, fte: 0.2, startWeek: week('2027-02-01'), endWeek: week('2027-03-01'), status },
      })
      .then((row) => row.id);
  targets = {
    unconfirmed: await allocation(),
    toConfirm: await allocation(),
    toDecide: await allocation({ confirmedAt }),
    toWithdraw: await allocation({ confirmedAt }),
    completed: await allocation({ confirmedAt, status: 'COMPLETED', startWeek: week('2026-09-07'), endWeek: week('2026-10-26') }),
    projectToCancel: (await prisma.project.create({ data: { icsId: ics.id, organisationId: setup.scenario.organisations.hospice.id, title: 'Volunteer rota study', purpose: 'Rota.', status: 'ACTIVE' } })).id,
    requestToSubmit: await request('Discharge delays', 'DRAFT'),
    requestToCancel: await request('Night staffing', 'SUBMITTED'),
    roleProfile: setup.scenario.roleProfiles.seniorAnalyst.id,
    // An account no case signs in as, so changing it ends no session a later case needs.
    account: (await prisma.user.create({ data: { icsId: ics.id, email: 'spare.lead@stbrigids.example', name: 'Spare Lead', role: 'ORGANISATION_LEAD', organisationId: setup.scenario.organisations.hospice.id, passwordHash: 'unusable' } })).id,
  };
});

const requestInput = () => ({
  title: unique('Falls audit'),
  description: 'Audit of falls.',
  requiredSkills: [{ skillId: setup.scenario.skills.statistics.id, level: 3 }],
  desiredSkills: [],
  fte: 0.2,
  startWeek: '2027-02-01',
  endWeek: '2027-03-01',
  priority: 'MEDIUM',
  openToDevelopment: false,
});

const roleProfileInput = () => ({
  name: unique('Principal analyst, band 8b'),
  band: 'BAND_8B',
  description: 'Leads analytical teams.',
  requirements: [{ skillId: setup.scenario.skills.statistics.id, level: 4 }],
});

const CASES: Record<string, Case> = {
  login: {
    document: `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`,
    variables: () => ({ email: setup.scenario.users.chloe.email, password: 'not the password' }),
    allowed: EVERYONE,
  },
  logout: { document: `mutation { logout }`, variables: () => ({}), allowed: EVERYONE, freshSession: true },
  updateAnalystProfile: {
    document: `mutation ($id: ID!, $version: Int!) { updateAnalystProfile(id: $id, version: $version, input: { workPreference: REMOTE }) { id } }`,
    variables: async () => ({ id: setup.scenario.analysts.chloe.id, version: await version('analyst', setup.scenario.analysts.chloe.id) }),
    allowed: ['workforceLead', 'ownLead', 'analystSelf'],
    cast: { ownLead: 'acuteLead' },
  },
  createProject: {
    document: `mutation ($organisationId: ID, $title: String!) { createProject(organisationId: $organisationId, input: { title: $title, purpose: "Purpose." }) { id } }`,
    variables: () => ({ organisationId: setup.scenario.organisations.hospice.id, title: unique('Respite demand') }),
    allowed: LEADS,
  },
  updateProject: {
    document: `mutation ($id: ID!, $version: Int!) { updateProject(id: $id, version: $version, input: { title: "Community palliative care demand model", purpose: "Purpose, revised." }) { id } }`,
    variables: async () => ({ id: setup.scenario.projects.hospiceActive.id, version: await version('project', setup.scenario.projects.hospiceActive.id) }),
    allowed: LEADS,
  },
  cancelProject: {
    document: `mutation ($id: ID!, $version: Int!) { cancelProject(id: $id, version: $version) { id } }`,
    variables: async () => ({ id: targets.projectToCancel, version: await version('project', targets.projectToCancel) }),
    allowed: LEADS,
  },
  createRequest: {
    document: `mutation ($projectId: ID!, $input: RequestInput!) { createRequest(projectId: $projectId, input: $input) { id } }`,
    variables: () => ({ projectId: setup.scenario.projects.hospiceActive.id, input: requestInput() }),
    allowed: LEADS,
  },
  updateRequest: {
    document: `mutation ($id: ID!, $version: Int!, $input: RequestInput!) { updateRequest(id: $id, version: $version, input: $input) { id } }`,
    variables: async () => ({ id: targets.requestToSubmit, version: await version('request', targets.requestToSubmit), input: requestInput() }),
    allowed: LEADS,
  },
  submitRequest: {
    document: `mutation ($id: ID!, $version: Int!) { submitRequest(id: $id, version: $version) { id } }`,
    variables: async () => ({ id: targets.requestToSubmit, version: await version('request', targets.requestToSubmit) }),
    allowed: LEADS,
  },
  cancelRequest: {
    document: `mutation ($id: ID!, $version: Int!) { cancelRequest(id: $id, version: $version) { id } }`,
    variables: async () => ({ id: targets.requestToCancel, version: await version('request', targets.requestToCancel) }),
    allowed: LEADS,
  },
  createRoleProfile: {
    document: `mutation ($input: RoleProfileInput!) { createRoleProfile(input: $input) { id } }`,
    variables: () => ({ input: roleProfileInput() }),
    allowed: WORKFORCE,
  },
  updateRoleProfile: {
    document: `mutation ($id: ID!, $version: Int!, $input: RoleProfileInput!) { updateRoleProfile(id: $id, version: $version, input: $input) { id } }`,
    variables: async () => ({ id: targets.roleProfile, version: await version('roleProfile', targets.roleProfile), input: roleProfileInput() }),
    allowed: WORKFORCE,
  },
  previewImport: {
    document: `mutation ($csv: String!) { previewImport(kind: SKILLS, csv: $csv) { problemCount } }`,
    variables: () => ({ csv: 'name,category,description\nHealth economics,HEALTH_ECONOMICS,Costs and benefits.\n' }),
    allowed: WORKFORCE,
  },
  commitImport: {
    document: `mutation ($csv: String!) { commitImport(kind: SKILLS, csv: $csv) { problemCount } }`,
    variables: () => ({ csv: 'name,category,description\nHealth economics,HEALTH_ECONOMICS,Costs and benefits.\n' }),
    allowed: WORKFORCE,
  },
  closeFairnessPeriod: {
    document: `mutation { closeFairnessPeriod(startWeek: "2026-09-07", endWeek: "2026-10-26") { id } }`,
    variables: () => ({}),
    allowed: WORKFORCE,
  },
  runMatching: {
    document: `mutation { runMatching(input: { windowStart: "2027-01-04", windowEnd: "2027-03-29" }) { id status } }`,
    variables: () => ({}),
    allowed: WORKFORCE,
  },
  expressInterest: {
    document: `mutation ($requestId: ID!) { expressInterest(requestId: $requestId) { __typename } }`,
    variables: () => ({ requestId: setup.scenario.requests.mortalityReview.id }),
    allowed: ANALYSTS,
  },
  withdrawInterest: {
    document: `mutation ($requestId: ID!) { withdrawInterest(requestId: $requestId) { __typename } }`,
    variables: () => ({ requestId: setup.scenario.requests.mortalityReview.id }),
    allowed: ANALYSTS,
  },
  rotateCalendarFeed: { document: `mutation { rotateCalendarFeed { __typename } }`, variables: () => ({}), allowed: ANALYSTS },
  disableCalendarFeed: { document: `mutation { disableCalendarFeed }`, variables: () => ({}), allowed: ANALYSTS },
  giveFeedback: {
    document: `mutation ($allocationId: ID!) { giveFeedback(input: { allocationId: $allocationId, rating: 4, comment: "Clear, careful work." }) }`,
    variables: () => ({ allocationId: targets.completed }),
    allowed: ['ownLead'],
  },
  proposeAllocation: {
    document: `mutation ($input: ProposeAllocationInput!) { proposeAllocation(input: $input) { id } }`,
    variables: () => ({
      input: { analystId: setup.scenario.analysts.chloe.id, requestId: setup.scenario.requests.mortalityReview.id, fte: 0.1, startWeek: REVIEW_START, endWeek: REVIEW_END },
    }),
    allowed: WORKFORCE,
  },
  updateProposal: {
    document: `mutation ($id: ID!, $version: Int!) { updateProposal(id: $id, version: $version, input: { fte: 0.2 }) { id } }`,
    variables: async () => ({ id: targets.unconfirmed, version: await version('allocation', targets.unconfirmed) }),
    allowed: WORKFORCE,
  },
  confirmAllocations: {
    document: `mutation ($ids: [ID!]) { confirmAllocations(input: { ids: $ids }) { id } }`,
    variables: () => ({ ids: [targets.toConfirm] }),
    allowed: WORKFORCE,
  },
  decideAllocation: {
    document: `mutation ($id: ID!, $version: Int!) { decideAllocation(id: $id, version: $version, decision: ACCEPT) { allocation { id } } }`,
    variables: async () => ({ id: targets.toDecide, version: await version('allocation', targets.toDecide) }),
    allowed: ['ownLead', 'analystSelf'],
  },
  withdrawAllocation: {
    document: `mutation ($id: ID!, $version: Int!) { withdrawAllocation(id: $id, version: $version, reason: "No longer needed.") { id } }`,
    variables: async () => ({ id: targets.toWithdraw, version: await version('allocation', targets.toWithdraw) }),
    allowed: LEADS,
  },
  // No leaving is recorded for Aisha yet: leads get past authorisation to INVALID_TRANSITION.
  cancelAnalystLeaving: {
    document: `mutation ($input: CancelAnalystLeavingInput!) { cancelAnalystLeaving(input: $input) { id } }`,
    variables: async () => {
      const analystId = setup.scenario.analysts.hospiceAnalyst.id;
      return { input: { analystId, version: await version('analyst', analystId) } };
    },
    allowed: LEADS,
    cast: { analystSelf: 'hospiceAnalyst', otherAnalyst: 'chloe' },
  },
  createUser: {
    document: `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    variables: () => ({
      input: { email: `${unique('new.lead').replace(' ', '.')}@stbrigids.example`, name: 'New Lead', role: 'ORGANISATION_LEAD', organisationId: setup.scenario.organisations.hospice.id, temporaryPassword: 'Temporary-pass-4821' },
    }),
    allowed: WORKFORCE,
  },
  updateUserAccess: {
    document: `mutation ($id: ID!, $input: UserAccessInput!) { updateUserAccess(id: $id, input: $input) { id } }`,
    variables: () => ({ id: targets.account, input: { role: 'ORGANISATION_LEAD', organisationId: setup.scenario.organisations.acuteTrust.id } }),
    allowed: WORKFORCE,
  },
  setUserDisabled: {
    document: `mutation ($id: ID!) { setUserDisabled(id: $id, disabled: true) { id } }`,
    variables: () => ({ id: targets.account }),
    allowed: WORKFORCE,
  },
  resetUserPassword: {
    document: `mutation ($id: ID!) { resetUserPassword(id: $id, temporaryPassword: "Temporary-pass-4821") { id } }`,
    variables: () => ({ id: targets.account }),
    allowed: WORKFORCE,
  },
  changePassword: {
    document: `mutation { changePassword(currentPassword: "not the password", newPassword: "a long new passphrase") { id } }`,
    variables: () => ({}),
    allowed: ROLES.filter((role) => role !== 'signedOut'),
  },
  // Last: Aisha leaves, so no later case could sign her in.
  recordAnalystLeaving: {
    document: `mutation ($input: RecordAnalystLeavingInput!) { recordAnalystLeaving(input: $input) { id } }`,
    variables: async () => {
      const analystId = setup.scenario.analysts.hospiceAnalyst.id;
      return { input: { analystId, leftOn: '2026-11-23', version: await version('analyst', analystId) } };
    },
    allowed: LEADS,
    cast: { analystSelf: 'hospiceAnalyst', otherAnalyst: 'chloe' },
  },
};

const clientFor = roleClients(setup);

/** Typed errors a role past authorisation may meet (api/src/errors.ts). */
const DOMAIN_CODES = new Set([
  'VALIDATION_FAILED',
  'STALE_VERSION',
  'INVALID_CREDENTIALS',
  'ANALYST_OVER_CAPACITY',
  'SKILL_REQUIREMENT_NOT_MET',
  'INVALID_TRANSITION',
  'MATCHING_IN_PROGRESS',
  'LEAVING_DATE_PASSED',
]);

function outcomeOf(response: GraphqlResponse): string {
  if (!response.errors) return 'ALLOWED';
  const denial = denialOf(response);
  if (denial) return denial;
  return DOMAIN_CODES.has(response.errors[0]?.extensions?.code ?? '') ? 'ALLOWED' : `ERROR ${response.text}`;
}

function expectedOutcome(testCase: Case, role: Role): Outcome {
  if (testCase.allowed.includes(role)) return 'ALLOWED';
  if (role === 'signedOut') return 'UNAUTHENTICATED';
  return testCase.notFoundFor?.includes(role) ? 'NOT_FOUND' : 'FORBIDDEN';
}

describe('mutation authorisation', () => {
  it('has an expectation for every mutation in the schema', () => {
    const mutations = Object.keys(schema.getMutationType()!.getFields()).sort();
    expect(Object.keys(CASES).sort()).toEqual(mutations);
  });

  it('gives every role the expected outcome for every mutation', { timeout: 120_000 }, async () => {
    const expected: Record<string, Record<Role, string>> = {};
    const actual: Record<string, Record<Role, string>> = {};
    for (const [name, testCase] of Object.entries(CASES)) {
      expected[name] = {} as Record<Role, string>;
      actual[name] = {} as Record<Role, string>;
      // Denied roles first: an allowed one may change the target's state.
      const order = [...ROLES].sort((a, b) => Number(testCase.allowed.includes(a)) - Number(testCase.allowed.includes(b)));
      for (const role of order) {
        const client = await clientFor(role, { ...DEFAULT_CAST, ...testCase.cast }, testCase.freshSession);
        actual[name][role] = outcomeOf(await client.execute(testCase.document, await testCase.variables()));
        expected[name][role] = expectedOutcome(testCase, role);
      }
    }
    expect(actual).toEqual(expected);
  });
});
