import { beforeAll, describe, expect, it } from 'vitest';
import { addAnalystPool } from '../fixtures/ics-scenario.ts';
import { addMatchingDemand, MATCHING_WINDOW } from '../fixtures/matching-scenario.ts';
import { startScenarioApp } from '../fixtures/scenario-app.ts';
import { ApiClient, errorCodes } from '../fixtures/api-client.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

let statements = 0;
const setup = useScenarioApp(() => startScenarioApp({ onQuery: () => (statements += 1) }));

let demand: Awaited<ReturnType<typeof addMatchingDemand>>;
let lead: ApiClient;
const answers: { inputDigest: string; proposals: { edges: { node: unknown }[] } }[] = [];

const RUN_AGAIN = /* GraphQL */ `
  mutation ($input: RunMatchingInput!) {
    runMatching(input: $input) {
      status inputDigest
      proposals(first: 100) { edges { node { analyst { id } request { id } fte kind startWeek endWeek } } }
    }
  }
`;

beforeAll(async () => {
  demand = await addMatchingDemand(setup.database.prisma, setup.scenario);
  lead = await setup.signIn(setup.scenario.users.workforceLead);
  for (let run = 0; run < 3; run += 1) {
    const result = await lead.execute(RUN_AGAIN, { input: MATCHING_WINDOW });
    expect(result.data?.runMatching.status).toBe('SUCCEEDED');
    answers.push(result.data!.runMatching);
  }
  // Each run replaced the one before's proposals; give the earlier runs copies of the latest ones, so every
  // run listed has proposals and a query per run would show in the statement count.
  const [latest, ...earlier] = await setup.database.prisma.matchingRun.findMany({ orderBy: { createdAt: 'desc' } });
  const proposals = await setup.database.prisma.allocation.findMany({ where: { runId: latest!.id } });
  expect(proposals.length).toBeGreaterThan(0);
  for (const run of earlier) {
    await setup.database.prisma.allocation.createMany({
      data: proposals.map(({ id: _id, explanation, mentorAllocationId: _mentor, ...row }) => ({ ...row, runId: run.id, explanation: explanation ?? undefined })),
    });
  }
});

const RUN_FIELDS = /* GraphQL */ `
  id status windowStart windowEnd createdAt finishedAt error
  policy { alpha beta gamma }
  metrics { fulfilment minSatisfaction jain gini }
  baselineMetrics { fulfilment minSatisfaction jain gini }
  organisations { organisation { id name } engine { entitlement received satisfaction } baseline { received satisfaction } }
  solverStats { lpSolves stages { name ms } }
  createdBy { id name }
  proposals(first: 50) {
    totalCount
    edges { node {
      id fte kind startWeek endWeek
      analyst { id name }
      request { id title organisation { id name } }
      explanation { summary rank candidateCount nextCandidate { analystName reason } development { mentor { id name } } }
    } }
  }
`;

const RUNS = /* GraphQL */ `query ($first: Int!) { matchingRuns(first: $first) { totalCount edges { node { ${RUN_FIELDS} } } } }`;
const RUN = /* GraphQL */ `query ($id: ID!) { matchingRun(id: $id) { ${RUN_FIELDS} } }`;

describe('repeating a run', () => {
  it('gives the same input digest and the same proposals when nothing changed', () => {
    const proposals = (answer: (typeof answers)[number]) => answer.proposals.edges.map((edge) => JSON.stringify(edge.node)).sort();
    const [first, ...others] = answers;
    expect(proposals(first!).length).toBeGreaterThan(0);
    for (const other of others) {
      expect(other.inputDigest).toBe(first!.inputDigest);
      expect(proposals(other)).toEqual(proposals(first!));
    }
  });
});

describe('listing runs', () => {
  it('lists runs newest first with their proposals in a bounded number of SQL statements', async () => {
    statements = 0;
    const one = await lead.execute(RUNS, { first: 1 });
    const forOne = statements;
    statements = 0;
    const all = await lead.execute(RUNS, { first: 10 });
    const forAll = statements;

    expect(one.errors).toBeUndefined();
    expect(all.errors).toBeUndefined();
    const runs = all.data!.matchingRuns.edges.map((edge: any) => edge.node);
    expect(runs).toHaveLength(3);
    expect(runs.map((run: any) => run.createdAt)).toEqual([...runs.map((run: any) => run.createdAt)].sort().reverse());
    expect(runs.every((run: any) => run.proposals.totalCount > 0)).toBe(true);
    expect(forAll).toBe(forOne);
    expect(forAll).toBeLessThanOrEqual(14);
  });

  it('reads one run with its proposals in a bounded number of SQL statements, and null for another ICS', async () => {
    const latest = await setup.database.prisma.matchingRun.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
    statements = 0;
    const result = await lead.execute(RUN, { id: latest.id });
    expect(result.errors).toBeUndefined();
    expect(result.data!.matchingRun.proposals.totalCount).toBeGreaterThan(0);
    expect(statements).toBeLessThanOrEqual(2);

    const other = await setup.signIn(setup.scenario.otherIcs.workforceLead);
    const hidden = await other.execute(RUN, { id: latest.id });
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data!.matchingRun).toBeNull();
    const list = await other.execute(RUNS, { first: 10 });
    expect(list.data!.matchingRuns.totalCount).toBe(0);
  });
});

const CANDIDATES = /* GraphQL */ `
  query ($requestId: ID!) {
    candidates(requestId: $requestId) {
      analyst { id name } rank score kind availableFte firstWeek weeklyRemainingFte interest continuity explanation
      development { skillName analystLevel requiredLevel targetLevel }
      skills { skillName kind wantedLevel analystLevel fit }
    }
  }
`;

describe('candidates for a request', () => {
  it('ranks the eligible analysts best first with their fit, time and a readable explanation', async () => {
    const result = await lead.execute(CANDIDATES, { requestId: demand.requests.icbSegmentation.id });
    expect(result.errors).toBeUndefined();
    const candidates = result.data!.candidates;
    expect(candidates.length).toBeGreaterThan(1);
    expect(candidates.map((candidate: any) => candidate.rank)).toEqual(candidates.map((_: unknown, index: number) => index + 1));
    const scores = candidates.map((candidate: any) => candidate.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const names = candidates.map((candidate: any) => candidate.analyst.name);
    // The ICB's own analysts do not serve its requests from the pool.
    expect(names).not.toContain('Imogen Price');
    for (const candidate of candidates) {
      expect(candidate.explanation).toMatch(/FTE|time/);
      const statistics = candidate.skills.find((skill: any) => skill.skillName === 'Statistical modelling');
      if (candidate.kind === 'STANDARD') expect(statistics.analystLevel).toBeGreaterThanOrEqual(3);
      else expect(candidate.development).toMatchObject({ skillName: 'Statistical modelling', analystLevel: 2, requiredLevel: 3 });
      expect(candidate.weeklyRemainingFte.every((fte: number) => fte >= candidate.availableFte)).toBe(true);
    }
    expect(candidates.some((candidate: any) => candidate.kind === 'DEVELOPMENT')).toBe(true);
  });

  it('leaves out analysts already on the request', async () => {
    const result = await lead.execute(CANDIDATES, { requestId: demand.requests.hospiceBereavement.id });
    expect(result.errors).toBeUndefined();
    expect(result.data!.candidates.map((candidate: any) => candidate.analyst.id)).not.toContain(demand.analysts.icbEngineer.id);
  });

  it('is for workforce leads of the request’s ICS only', async () => {
    const acuteLead = await setup.signIn(setup.scenario.users.acuteLead);
    expect(errorCodes(await acuteLead.execute(CANDIDATES, { requestId: demand.requests.icbSegmentation.id }))).toEqual(['FORBIDDEN']);
    const other = await setup.signIn(setup.scenario.otherIcs.workforceLead);
    expect(errorCodes(await other.execute(CANDIDATES, { requestId: demand.requests.icbSegmentation.id }))).toEqual(['NOT_FOUND']);
  });
});

describe('the cost of a run', () => {
  it('takes the same number of SQL statements however many analysts the ICS has', async () => {
    statements = 0;
    expect((await lead.execute(RUN_AGAIN, { input: MATCHING_WINDOW })).data!.runMatching.status).toBe('SUCCEEDED');
    const before = statements;

    await addAnalystPool(setup.database.prisma, setup.scenario, 40);
    statements = 0;
    expect((await lead.execute(RUN_AGAIN, { input: MATCHING_WINDOW })).data!.runMatching.status).toBe('SUCCEEDED');
    expect(statements).toBe(before);
    expect(before).toBeLessThanOrEqual(40);
  });
});
