import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../api/src/auth/session.ts';
import { addWeeksTo, mondayOf } from '../../api/src/domain/weeks.ts';
import { rankedCandidatesByRequest } from '../../api/src/matching/ranking.ts';
import { findOpportunities } from '../../api/src/services/careers/opportunities.ts';
import { rankOpportunities } from '../../api/src/services/careers/opportunity-ranking.ts';
import { rankCandidates } from '../../api/src/services/matching/candidates.ts';
import { loadMatchingInput } from '../../api/src/services/matching/load-input.ts';
import { addAnalystPool } from '../fixtures/ics-scenario.ts';
import { startScenarioApp } from '../fixtures/scenario-app.ts';
import { createActiveProject, createScenarioRequest, createSeniorAnalyst } from '../fixtures/scenario-records.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';
import { TEST_TODAY } from '../support/test-clock.ts';

// The candidates of a request and an analyst's opportunities load only the analysts and requests that
// might be eligible (an SQL mirror of the engine's rule). These rankings must equal the engine's over the
// whole ICS, near misses included: one level short with and without the aspiration to grow, short on two
// skills, two levels short, missing a skill whose minimum is the lowest level, and the request's own staff.

let statements = 0;
const setup = useScenarioApp(() => startScenarioApp({ onQuery: () => (statements += 1) }));

async function addNearMisses() {
  const { ics, organisations, skills } = setup.scenario;
  const prisma = setup.database.prisma;
  const analyst = (name: string, organisationId: string, levels: { statistics?: number; dashboards?: number }, aspires: ('statistics' | 'dashboards')[]) =>
    createSeniorAnalyst(prisma, ics.id, {
      name,
      organisationId,
      pooledFte: 0.5,
      skills: [
        ...(levels.statistics ? [{ skillId: skills.statistics.id, level: levels.statistics }] : []),
        ...(levels.dashboards ? [{ skillId: skills.dashboards.id, level: levels.dashboards }] : []),
        { skillId: skills.sql.id, level: 2 },
      ],
      aspirations: aspires.map((skill) => ({ skillId: skills[skill].id, targetLevel: 4 })),
    });
  const hospice = organisations.hospice.id;
  const analysts = {
    qualified: await analyst('Ada Qualified', hospice, { statistics: 3, dashboards: 1 }, []),
    oneShortAspiring: await analyst('Ben Aspiring', hospice, { statistics: 2, dashboards: 1 }, ['statistics']),
    oneShortContent: await analyst('Cara Content', hospice, { statistics: 2, dashboards: 1 }, []),
    missingLowestAspiring: await analyst('Dev Missing', hospice, { statistics: 3 }, ['dashboards']),
    shortOnTwo: await analyst('Eve Twice', hospice, { statistics: 2 }, ['statistics', 'dashboards']),
    twoShort: await analyst('Finn Far', hospice, { statistics: 1, dashboards: 1 }, ['statistics']),
    ownStaff: await analyst('Gil Own', organisations.icb.id, { statistics: 4, dashboards: 2 }, []),
  };
  const project = await createActiveProject(prisma, ics.id, 'Near misses', organisations.icb.id);
  const request = (title: string, openToDevelopment: boolean) =>
    createScenarioRequest(prisma, ics.id, {
      title,
      projectId: project.id,
      fte: 1,
      startWeek: '2026-12-07',
      endWeek: '2027-03-01',
      status: 'SUBMITTED',
      submittedAt: new Date('2026-11-16T09:00:00Z'),
      openToDevelopment,
      skills: [
        { skillId: skills.statistics.id, kind: 'REQUIRED', minLevel: 3 },
        { skillId: skills.dashboards.id, kind: 'REQUIRED', minLevel: 1 },
        { skillId: skills.sql.id, kind: 'DESIRED', minLevel: 2 },
      ],
    });
  return { analysts, requests: { developing: await request('Open to development', true), qualifiedOnly: await request('Qualified only', false) } };
}

let nearMisses: Awaited<ReturnType<typeof addNearMisses>>;
beforeAll(async () => {
  nearMisses = await addNearMisses();
});

function workforceLead(): Viewer {
  const { users, ics } = setup.scenario;
  return { userId: users.workforceLead.id, sessionId: 'ranking-test', icsId: ics.id, role: 'WORKFORCE_LEAD', organisationId: null, analystId: null };
}

/** The engine's ranking of the request over every analyst of the ICS, as (analyst, kind, score). */
async function engineCandidates(requestId: string) {
  const request = await setup.database.prisma.request.findUniqueOrThrow({ where: { id: requestId } });
  const window = { startWeek: new Date(Math.max(request.startWeek.getTime(), mondayOf(TEST_TODAY).getTime())), endWeek: request.endWeek };
  const { input } = await loadMatchingInput(setup.database.prisma, { icsId: setup.scenario.ics.id, window, requests: { ids: [requestId] } });
  return (rankedCandidatesByRequest(input).get(requestId) ?? []).map((candidate) => ({
    analystId: candidate.analystId,
    kind: candidate.kind,
    score: candidate.match.score,
  }));
}

async function loadedCandidates(requestId: string) {
  const candidates = await rankCandidates(setup.database.prisma, workforceLead(), requestId, TEST_TODAY);
  return candidates.map(({ analystId, kind, score }) => ({ analystId, kind, score }));
}

describe('candidates of a request, loading only analysts who might be eligible', () => {
  it('equal the engine’s ranking over the whole ICS, near misses included', async () => {
    const { analysts, requests } = nearMisses;
    for (const request of Object.values(requests)) {
      expect(await loadedCandidates(request.id)).toEqual(await engineCandidates(request.id));
    }

    const developing = new Map((await loadedCandidates(requests.developing.id)).map((candidate) => [candidate.analystId, candidate.kind]));
    expect(developing.get(analysts.qualified.id)).toBe('STANDARD');
    expect(developing.get(analysts.oneShortAspiring.id)).toBe('DEVELOPMENT');
    expect(developing.get(analysts.missingLowestAspiring.id)).toBe('DEVELOPMENT');
    for (const dropped of [analysts.oneShortContent, analysts.shortOnTwo, analysts.twoShort, analysts.ownStaff]) {
      expect(developing.has(dropped.id)).toBe(false);
    }
    const qualifiedOnly = (await loadedCandidates(requests.qualifiedOnly.id)).map((candidate) => candidate.analystId);
    expect(qualifiedOnly).toContain(analysts.qualified.id);
    expect(qualifiedOnly).not.toContain(analysts.oneShortAspiring.id);
  });

  it('take the same number of SQL statements however many analysts the ICS has', async () => {
    const lead = await setup.signIn(setup.scenario.users.workforceLead);
    const query = /* GraphQL */ `query ($requestId: ID!) { candidates(requestId: $requestId) { analyst { id name } rank kind explanation } }`;
    const cost = async () => {
      statements = 0;
      const result = await lead.execute(query, { requestId: nearMisses.requests.developing.id });
      expect(result.errors).toBeUndefined();
      return statements;
    };
    const before = await cost();
    await addAnalystPool(setup.database.prisma, setup.scenario, 30);
    expect(await cost()).toBe(before);
    // The session, the request with its ICS, and the analysts who might be eligible.
    expect(before).toBeLessThanOrEqual(3);
  });
});

describe('an analyst’s opportunities, loading only requests they might be eligible for', () => {
  it('equal the ranking over every open request and every analyst of the ICS', async () => {
    const { ics } = setup.scenario;
    const prisma = setup.database.prisma;
    const startWeek = mondayOf(TEST_TODAY);
    const window = { startWeek, endWeek: addWeeksTo(startWeek, ics.planningHorizonWeeks - 1) };
    const { input } = await loadMatchingInput(prisma, { icsId: ics.id, window, requests: { open: true } });
    let developmentOpportunities = 0;
    for (const analyst of Object.values(nearMisses.analysts)) {
      const booked = await prisma.allocation.findMany({
        where: { analystId: analyst.id, status: { in: ['PROPOSED', 'ACCEPTED', 'ACTIVE'] } },
        select: { requestId: true },
      });
      const expected = rankOpportunities(input, analyst.id, new Set(booked.map((allocation) => allocation.requestId))).map((opportunity) => ({
        requestId: opportunity.request.id,
        kind: opportunity.kind,
        score: opportunity.score,
        mentors: opportunity.development?.mentors.map((mentor) => mentor.analystId) ?? [],
      }));
      const loaded = (await findOpportunities(prisma, { icsId: ics.id, analystId: analyst.id }, TEST_TODAY)).map((opportunity) => ({
        requestId: opportunity.requestId,
        kind: opportunity.kind,
        score: opportunity.score,
        mentors: opportunity.development?.mentors.map((mentor) => mentor.analystId) ?? [],
      }));
      expect(loaded).toEqual(expected);
      developmentOpportunities += loaded.filter((opportunity) => opportunity.kind === 'DEVELOPMENT' && opportunity.mentors.length > 0).length;
    }
    expect(developmentOpportunities).toBeGreaterThan(0);
  });
});
