import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { holdsCapacity } from '../../domain/capacity.ts';
import type { WeekSpan } from '../../domain/weeks.ts';
import type { FairnessData } from './figures.ts';

type Client = PrismaClient | Prisma.TransactionClient;

/** Requests that claimed pool time: submitted, whether since matched, active or completed. */
const CLAIMING_STATUSES = ['SUBMITTED', 'PARTIALLY_MATCHED', 'MATCHED', 'ACTIVE', 'COMPLETED'] as const;

/** Allocations that hold capacity now, or held it until they completed. */
export const heldOrCompleted: Prisma.AllocationWhereInput = { OR: [holdsCapacity, { status: 'COMPLETED' }] };

/** Everything the fairness figures of `span` need, in a fixed number of statements. */
export async function loadFairnessData(prisma: Client, icsId: string, span: WeekSpan): Promise<FairnessData> {
  const overlaps = { startWeek: { lte: span.endWeek }, endWeek: { gte: span.startWeek } };
  const [ics, organisations, analysts, requests, allocations, previous] = await Promise.all([
    prisma.ics.findUniqueOrThrow({ where: { id: icsId }, select: { fairnessAlpha: true, fairnessBeta: true, fairnessGamma: true } }),
    prisma.organisation.findMany({ where: { icsId }, select: { id: true, name: true, headcount: true }, orderBy: { name: 'asc' } }),
    prisma.analyst.findMany({
      where: { icsId, status: 'ACTIVE' },
      select: {
        id: true,
        organisationId: true,
        contractedFte: true,
        pooledFte: true,
        protectedDevelopmentShare: true,
        availabilities: { where: overlaps, select: { startWeek: true, endWeek: true, availableFraction: true } },
      },
    }),
    prisma.request.findMany({
      where: { icsId, ...overlaps, status: { in: [...CLAIMING_STATUSES] } },
      select: { id: true, fte: true, startWeek: true, endWeek: true, project: { select: { organisationId: true } } },
    }),
    prisma.allocation.findMany({
      where: { icsId, ...overlaps, ...heldOrCompleted },
      select: { fte: true, startWeek: true, endWeek: true, request: { select: { project: { select: { organisationId: true } } } } },
    }),
    prisma.fairnessPeriod.findFirst({
      where: { icsId, endWeek: { lt: span.startWeek } },
      orderBy: { endWeek: 'desc' },
      select: { balances: { select: { organisationId: true, creditCarried: true } } },
    }),
  ]);
  return {
    policy: { alpha: ics.fairnessAlpha.toNumber(), beta: ics.fairnessBeta.toNumber(), gamma: ics.fairnessGamma.toNumber() },
    organisations,
    analysts: analysts.map((analyst) => ({
      id: analyst.id,
      organisationId: analyst.organisationId,
      contractedFte: analyst.contractedFte.toNumber(),
      pooledFte: analyst.pooledFte.toNumber(),
      protectedDevelopmentShare: analyst.protectedDevelopmentShare.toNumber(),
      availabilities: analyst.availabilities.map((availability) => ({ ...availability, availableFraction: availability.availableFraction.toNumber() })),
    })),
    requests: requests.map((request) => ({
      id: request.id,
      organisationId: request.project.organisationId,
      fte: request.fte.toNumber(),
      startWeek: request.startWeek,
      endWeek: request.endWeek,
    })),
    received: allocations.map((allocation) => ({
      organisationId: allocation.request.project.organisationId,
      fte: allocation.fte.toNumber(),
      startWeek: allocation.startWeek,
      endWeek: allocation.endWeek,
    })),
    creditIn: new Map((previous?.balances ?? []).map((balance) => [balance.organisationId, balance.creditCarried.toNumber()])),
  };
}
