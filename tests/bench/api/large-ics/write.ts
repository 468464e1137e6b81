import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../../../api/src/db/client.ts';
import { addWeeksTo, mondayOf } from '../../../../api/src/domain/weeks.ts';
import type { Prisma } from '../../../../api/src/generated/prisma/client.ts';
import { closeFairnessPeriod } from '../../../../api/src/services/fairness/close-period.ts';
import { bulkInsert } from './bulk-insert.ts';
import { explainer } from './explanation.ts';
import type { IcsPlan } from './plan.ts';

export interface WrittenIcs {
  icsId: string;
  code: string;
  workforceLeadEmail: string;
  /** The lead of the organisation with the most analysts. */
  organisationLeadEmail: string;
  counts: Record<'organisations' | 'analysts' | 'projects' | 'requests' | 'allocations' | 'auditEvents' | 'fairnessPeriods', number>;
}

export interface IcsIdentity {
  name: string;
  code: string;
  passwordHash: string;
  today: Date;
  /** Quarters (13 weeks) from the first planned week closed as fairness periods. */
  closedQuarters: number;
}

const DAY_MS = 86_400_000;
const TRANSACTION_TIMEOUT_MS = 300_000;
const tenths = (value: number) => (value / 10).toFixed(1);

/**
 * Writes a planned ICS in one transaction, a bulk INSERT per table, then closes its first quarters as fairness
 * periods through the service a workforce lead uses, so the frozen balances are the real figures.
 */
export async function writeIcsPlan(prisma: PrismaClient, plan: IcsPlan, ics: IcsIdentity): Promise<WrittenIcs> {
  const icsId = randomUUID();
  const ids = new Map<string, string>();
  const id = (kind: string, key: string) => {
    const name = `${kind}:${key}`;
    let value = ids.get(name);
    if (!value) ids.set(name, (value = randomUUID()));
    return value;
  };
  const domain = `${ics.code.toLowerCase()}.example`;
  const leadEmail = (organisationKey: string) => `lead.${organisationKey.replace(/[^a-z0-9]+/g, '-')}@${domain}`;
  const workforceLead = { id: randomUUID(), email: `workforce.lead@${domain}` };

  const { allocations, auditEvents } = await prisma.$transaction(
    (tx) => insertRows(tx, plan, { icsId, id, ics, leadEmail, workforceLead }),
    { timeout: TRANSACTION_TIMEOUT_MS },
  );

  const viewer = { userId: workforceLead.id, sessionId: randomUUID(), icsId, role: 'WORKFORCE_LEAD' as const, organisationId: null, analystId: null };
  const firstMonday = plan.runs[0]!.windowStart;
  for (let quarter = 0; quarter < ics.closedQuarters; quarter += 1) {
    await closeFairnessPeriod(prisma, viewer, { startWeek: addWeeksTo(firstMonday, quarter * 13), endWeek: addWeeksTo(firstMonday, quarter * 13 + 12) }, ics.today);
  }

  const analystCount = new Map<string, number>();
  for (const analyst of plan.analysts) analystCount.set(analyst.organisationKey, (analystCount.get(analyst.organisationKey) ?? 0) + 1);
  const biggest = [...plan.organisations].sort((a, b) => (analystCount.get(b.key) ?? 0) - (analystCount.get(a.key) ?? 0))[0]!;
  return {
    icsId,
    code: ics.code,
    workforceLeadEmail: workforceLead.email,
    organisationLeadEmail: leadEmail(biggest.key),
    counts: {
      organisations: plan.organisations.length,
      analysts: plan.analysts.length,
      projects: plan.projects.length,
      requests: plan.requests.length,
      allocations,
      auditEvents: auditEvents + ics.closedQuarters,
      fairnessPeriods: ics.closedQuarters,
    },
  };
}

interface Context {
  icsId: string;
  id: (kind: string, key: string) => string;
  ics: IcsIdentity;
  leadEmail: (organisationKey: string) => string;
  workforceLead: { id: string; email: string };
}

async function insertRows(tx: Prisma.TransactionClient, plan: IcsPlan, { icsId, id, ics, leadEmail, workforceLead }: Context) {
  const updatedAt = new Date();
  const lastMonday = addWeeksTo(mondayOf(ics.today), -1);
  const projectOf = new Map(plan.requests.map((request) => [request.key, request.projectKey]));
  const organisationOfProject = new Map(plan.projects.map((project) => [project.key, project.organisationKey]));
  const organisationOf = (requestKey: string) => organisationOfProject.get(projectOf.get(requestKey)!)!;

  await tx.ics.create({ data: { id: icsId, name: ics.name, code: ics.code } });
  await bulkInsert(tx, 'Organisation', plan.organisations.map(({ key, name, odsCode, kind, headcount }) => ({
    id: id('organisation', key), icsId, name, odsCode, kind, headcount, updatedAt,
    sizeBand: headcount > 4_000 ? 'LARGE' : headcount > 800 ? 'MEDIUM' : 'SMALL',
  })));
  await bulkInsert(tx, 'Skill', plan.skills.map(({ key, name, category }) => ({ id: id('skill', key), icsId, name, category })));
  await bulkInsert(tx, 'Analyst', plan.analysts.map((analyst) => ({
    id: id('analyst', analyst.key), icsId, organisationId: id('organisation', analyst.organisationKey), name: analyst.name, email: analyst.email,
    jobTitle: 'Analyst', band: analyst.band, contractedFte: tenths(analyst.contractedTenths), pooledFte: tenths(analyst.pooledTenths),
    sectorsOfInterest: [], updatedAt,
  })));
  await bulkInsert(tx, 'AnalystSkill', plan.analysts.flatMap((analyst) =>
    analyst.skills.map((skill, index) => ({
      id: randomUUID(), icsId, analystId: id('analyst', analyst.key), skillId: id('skill', skill.skillKey), level: skill.level, updatedAt,
      // Every other skill is evidenced by completed work.
      lastEvidencedAt: index % 2 === 0 ? lastMonday : null, evidencedLevel: index % 2 === 0 ? skill.level : null,
    })),
  ));
  await bulkInsert(tx, 'Aspiration', plan.analysts.flatMap((analyst) =>
    analyst.aspirations.map((aspiration) => ({
      id: randomUUID(), icsId, analystId: id('analyst', analyst.key), skillId: id('skill', aspiration.skillKey), targetLevel: aspiration.targetLevel,
    })),
  ));
  await bulkInsert(tx, 'Availability', plan.analysts.flatMap((analyst) =>
    analyst.availability.map((span) => ({
      id: randomUUID(), icsId, analystId: id('analyst', analyst.key), startWeek: span.startWeek, endWeek: span.endWeek,
      availableFraction: span.availableFraction.toFixed(2),
    })),
  ));

  await bulkInsert(tx, 'User', [
    {
      id: workforceLead.id, icsId, email: workforceLead.email, name: 'Workforce Lead', passwordHash: ics.passwordHash, role: 'WORKFORCE_LEAD',
      organisationId: id('organisation', plan.workforceLeadOrganisationKey), updatedAt,
    },
    ...plan.organisations.map((organisation) => ({
      id: id('lead', organisation.key), icsId, email: leadEmail(organisation.key), name: `Lead of ${organisation.name}`,
      passwordHash: ics.passwordHash, role: 'ORGANISATION_LEAD', organisationId: id('organisation', organisation.key), updatedAt,
    })),
  ]);

  await bulkInsert(tx, 'Project', plan.projects.map((project) => ({
    id: id('project', project.key), icsId, organisationId: id('organisation', project.organisationKey), title: project.title,
    purpose: `Analysis for ${project.title.toLowerCase()}.`, status: project.status, createdById: id('lead', project.organisationKey), updatedAt,
  })));
  await bulkInsert(tx, 'Request', plan.requests.map((request) => ({
    id: id('request', request.key), icsId, projectId: id('project', request.projectKey), title: request.title, fte: tenths(request.fteTenths),
    startWeek: request.startWeek, endWeek: request.endWeek, priority: request.priority, openToDevelopment: request.openToDevelopment,
    status: request.status, submittedAt: request.submittedAt, updatedAt,
  })));
  await bulkInsert(tx, 'RequestSkill', plan.requests.flatMap((request) =>
    [
      ...request.required.map((skill) => ({ skill, kind: 'REQUIRED' })),
      ...request.desired.map((skill) => ({ skill, kind: 'DESIRED' })),
    ].map(({ skill, kind }) => ({
      id: randomUUID(), icsId, requestId: id('request', request.key), skillId: id('skill', skill.skillKey), kind, minLevel: skill.minLevel,
    })),
  ));
  await bulkInsert(tx, 'Interest', plan.interests.map(({ analystKey, requestKey }) => ({
    id: randomUUID(), icsId, analystId: id('analyst', analystKey), requestId: id('request', requestKey),
  })));

  const policy = { alpha: 0.4, beta: 0.4, gamma: 0.2, maxConcurrentRequests: 3, developmentShareCap: 0.5, homeRequestsDrawOnPool: false };
  await bulkInsert(tx, 'MatchingRun', plan.runs.map((run) => ({
    id: id('run', run.key), icsId, windowStart: run.windowStart, windowEnd: run.windowEnd, policy, status: run.status,
    createdById: workforceLead.id, createdAt: run.createdAt, finishedAt: new Date(run.createdAt.getTime() + 60_000),
    confirmedAt: run.status === 'CONFIRMED' ? new Date(run.createdAt.getTime() + DAY_MS) : null,
  })));

  const explain = explainer(plan, id);
  const allocations = plan.allocations.map((allocation, index) => ({ allocation, allocationId: id('allocation', String(index)) }));
  await bulkInsert(tx, 'Allocation', allocations.map(({ allocation, allocationId }) => ({
    id: allocationId, icsId, analystId: id('analyst', allocation.analystKey), requestId: id('request', allocation.requestKey),
    fte: tenths(allocation.fteTenths), startWeek: allocation.startWeek, endWeek: allocation.endWeek, kind: allocation.kind, status: allocation.status,
    runId: allocation.runKey ? id('run', allocation.runKey) : null, explanation: allocation.runKey ? explain(allocation) : null,
    requesterDecision: allocation.requesterDecision, releaseDecision: allocation.releaseDecision, analystDecision: allocation.analystDecision,
    declineReason: allocation.status === 'DECLINED' ? 'Already committed to other work in those weeks.' : null,
    confirmedAt: allocation.confirmedAt, updatedAt,
  })));
  await bulkInsert(tx, 'Feedback', allocations.flatMap(({ allocation, allocationId }) =>
    allocation.feedbackRating === null
      ? []
      : [{
          id: randomUUID(), icsId, allocationId, rating: allocation.feedbackRating, comment: 'Clear, well-documented work delivered on time.',
          authorId: id('lead', organisationOf(allocation.requestKey)), createdAt: new Date(addWeeksTo(allocation.endWeek, 1).getTime() + 2 * DAY_MS),
        }],
  ));

  const event = (action: string, entityId: string, actorId: string | null, createdAt: Date, after: object) => ({
    id: randomUUID(), icsId, actorId, action, entityType: 'Allocation', entityId, createdAt, after,
  });
  const auditEvents = allocations.flatMap(({ allocation, allocationId }) => [
    event('allocation.propose', allocationId, workforceLead.id, new Date(allocation.startWeek.getTime() - 20 * DAY_MS), { status: 'PROPOSED' }),
    ...(allocation.confirmedAt ? [event('allocation.confirm', allocationId, workforceLead.id, allocation.confirmedAt, { confirmed: true })] : []),
    ...(allocation.status === 'COMPLETED' ? [event('allocation.complete', allocationId, null, addWeeksTo(allocation.endWeek, 1), { status: 'COMPLETED' })] : []),
  ]);
  await bulkInsert(tx, 'AuditEvent', auditEvents);
  return { allocations: allocations.length, auditEvents: auditEvents.length };
}
