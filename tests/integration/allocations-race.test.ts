import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../api/src/db/client.ts';
import type { Viewer } from '../../api/src/auth/session.ts';
import { holdsCapacity, toTenths, weeklyRemainingTenths } from '../../api/src/domain/capacity.ts';
import { addWeeksTo } from '../../api/src/domain/weeks.ts';
import { DomainError } from '../../api/src/errors.ts';
import { confirmAllocations } from '../../api/src/services/allocations/confirm.ts';
import { createApp } from '../../api/src/app.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { ApiClient, errorCodes } from '../fixtures/api-client.ts';
import { TEST_TODAY } from '../support/test-clock.ts';
import { CONFIRM, createAllocationScenario, week, type AllocationScenario } from '../fixtures/allocation-scenario.ts';

// Many workforce leads confirming proposals for the same analyst at the same moment, each over its own
// database connection: the analyst's row lock must let exactly the proposals that still fit through.

const ROUNDS = 20;
const PROPOSALS_PER_ROUND = 60;
const CLIENTS = 3;
const WEEKS = 4;
const FIRST_WEEK = week('2027-09-06');

let database: TestDatabase;
let scenario: AllocationScenario;
let clients: PrismaClient[];
let viewer: Viewer;

beforeAll(async () => {
  database = await createTestDatabase('empty');
  scenario = await createAllocationScenario(database.prisma);
  clients = Array.from({ length: CLIENTS }, () => createPrismaClient(database.url, { maxConnections: 20 }));
  const lead = scenario.users.workforceLead;
  viewer = { userId: lead.id, sessionId: 'race', icsId: scenario.ics.id, role: 'WORKFORCE_LEAD', organisationId: lead.organisationId, analystId: null };
});

/** A request asking for a full FTE, more than any race analyst has, so only the analyst's capacity binds. */
async function raceRequest(title: string): Promise<string> {
  const request = await database.prisma.request.create({
    data: {
      icsId: scenario.ics.id,
      projectId: scenario.projects.hospiceActive.id,
      title,
      fte: 1,
      startWeek: FIRST_WEEK,
      endWeek: addWeeksTo(FIRST_WEEK, WEEKS - 1),
      status: 'SUBMITTED',
    },
  });
  return request.id;
}

afterAll(async () => {
  await Promise.all((clients ?? []).map((client) => client.$disconnect()));
  await database?.drop();
});

/** A deterministic spread of FTEs and week spans, different every round. */
function proposalShapes(round: number) {
  return Array.from({ length: PROPOSALS_PER_ROUND }, (_, index) => {
    const seed = (round * 7919 + index * 104729) % 9973;
    const first = seed % WEEKS;
    const last = first + ((seed >> 3) % (WEEKS - first));
    return { fte: (1 + (seed % 3)) / 10, startWeek: addWeeksTo(FIRST_WEEK, first), endWeek: addWeeksTo(FIRST_WEEK, last) };
  });
}

async function remainingTenths(analystId: string, pooledFte: number): Promise<number[]> {
  const held = await database.prisma.allocation.findMany({ where: { AND: [holdsCapacity, { analystId }] }, select: { fte: true, startWeek: true, endWeek: true } });
  return weeklyRemainingTenths(
    { startWeek: FIRST_WEEK, endWeek: addWeeksTo(FIRST_WEEK, WEEKS - 1) },
    { pooledFte, protectedDevelopmentShare: 0, availabilities: [], bookings: held.map((row) => ({ ...row, fte: row.fte.toNumber() })) },
  );
}

describe(`${PROPOSALS_PER_ROUND} concurrent confirmations for one analyst`, () => {
  it(`never overbook a week and admit exactly the ones that fit, ${ROUNDS} rounds in a row`, { timeout: 240_000 }, async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const pooledFte = 0.5 + (round % 4) / 10;
      const analyst = await database.prisma.analyst.create({
        data: {
          icsId: scenario.ics.id,
          organisationId: scenario.organisations.acuteTrust.id,
          name: `Race analyst ${round}`,
          email: `race.${round}@riverside.example`,
          jobTitle: 'Analyst',
          band: 'BAND_6',
          contractedFte: 1,
          pooledFte,
          protectedDevelopmentShare: 0,
        },
      });
      const requestId = await raceRequest(`Capacity race, round ${round + 1}`);
      const shapes = proposalShapes(round);
      const proposals = await database.prisma.allocation.createManyAndReturn({
        data: shapes.map((shape) => ({ icsId: scenario.ics.id, analystId: analyst.id, requestId, ...shape })),
        select: { id: true, fte: true, startWeek: true, endWeek: true },
      });
      const auditBefore = await database.prisma.auditEvent.count();

      const outcomes = await Promise.all(
        proposals.map((proposal, index) =>
          confirmAllocations(clients[index % CLIENTS]!, viewer, { ids: [proposal.id] }, TEST_TODAY).then(
            () => 'CONFIRMED',
            (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
          ),
        ),
      );

      const confirmed = proposals.filter((_, index) => outcomes[index] === 'CONFIRMED');
      const refused = proposals.filter((_, index) => outcomes[index] !== 'CONFIRMED');
      const refusals = new Set(refused.map((proposal) => outcomes[proposals.indexOf(proposal)]));
      expect(refusals, [...refusals].join(' | ')).toEqual(new Set(refused.length ? ['ANALYST_OVER_CAPACITY'] : []));
      expect(confirmed.length).toBeGreaterThan(0);
      expect(refused.length).toBeGreaterThan(0);

      // Never over capacity, in any week.
      const remaining = await remainingTenths(analyst.id, pooledFte);
      expect(Math.min(...remaining)).toBeGreaterThanOrEqual(0);
      // Exactly the feasible ones: capacity only shrinks, so each refused proposal must not fit what is left now.
      for (const proposal of refused) {
        const from = Math.round((proposal.startWeek.getTime() - FIRST_WEEK.getTime()) / (7 * 86_400_000));
        const to = Math.round((proposal.endWeek.getTime() - FIRST_WEEK.getTime()) / (7 * 86_400_000));
        expect(remaining.slice(from, to + 1).some((tenths) => tenths < toTenths(proposal.fte))).toBe(true);
      }
      // One audit event per confirmation, none for the refused.
      expect((await database.prisma.auditEvent.count()) - auditBefore).toBe(confirmed.length);
      expect(await database.prisma.allocation.count({ where: { analystId: analyst.id, confirmedAt: { not: null } } })).toBe(confirmed.length);
    }
  });
});

describe('concurrent confirmations through the API', () => {
  it('let exactly as many through as the analyst has time for, the rest ANALYST_OVER_CAPACITY', { timeout: 60_000 }, async () => {
    const analyst = await database.prisma.analyst.create({
      data: {
        icsId: scenario.ics.id,
        organisationId: scenario.organisations.acuteTrust.id,
        name: 'Race analyst over HTTP',
        email: 'race.http@riverside.example',
        jobTitle: 'Analyst',
        band: 'BAND_6',
        contractedFte: 1,
        pooledFte: 0.5,
        protectedDevelopmentShare: 0,
      },
    });
    const requestId = await raceRequest('Capacity race over HTTP');
    const proposals = await database.prisma.allocation.createManyAndReturn({
      data: Array.from({ length: 50 }, () => ({
        icsId: scenario.ics.id,
        analystId: analyst.id,
        requestId,
        fte: 0.1,
        startWeek: FIRST_WEEK,
        endWeek: addWeeksTo(FIRST_WEEK, WEEKS - 1),
      })),
      select: { id: true },
    });
    const app = createApp({ prisma: database.prisma, now: () => TEST_TODAY });
    const lead = await new ApiClient(app.yoga).signInAs(scenario.users.workforceLead);

    const responses = await Promise.all(proposals.map(({ id }) => lead.execute(CONFIRM, { input: { ids: [id] } })));
    const codes = responses.map((response) => errorCodes(response)[0] ?? 'CONFIRMED');
    expect(codes.filter((code) => code === 'CONFIRMED')).toHaveLength(5);
    expect(codes.filter((code) => code === 'ANALYST_OVER_CAPACITY')).toHaveLength(45);
    expect(Math.min(...(await remainingTenths(analyst.id, 0.5)))).toBe(0);
  });
});
