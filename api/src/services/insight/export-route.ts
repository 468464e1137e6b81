import type { Plugin } from 'graphql-yoga';
import { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { SkillCategory } from '../../generated/prisma/enums.ts';
import { loadViewer, readSessionToken, type Viewer } from '../../auth/session.ts';
import { DomainError } from '../../errors.ts';
import { plainResponse } from '../../http/plain-response.ts';
import { fairnessReport } from '../fairness/report.ts';
import { capacityDemand } from './capacity-demand.ts';
import { capacityDemandCsv, fairnessCsv } from './csv-export.ts';

// Downloads of the insight reports as CSV, for the session cookie's user, under /export/.
export const INSIGHT_EXPORT_PATHS = ['/export/capacity-demand.csv', '/export/fairness.csv'] as const;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Write dates as YYYY-MM-DD.' })
  .transform((value) => new Date(`${value}T00:00:00.000Z`))
  .refine((date) => !Number.isNaN(date.getTime()), { message: 'Not a calendar day.' });

const capacityParams = z.object({
  fromMonth: day.optional(),
  months: z.coerce.number().int().min(1).max(24).default(6),
  minLevel: z.coerce.number().int().min(1).max(4).default(3),
  organisationId: z.guid({ message: 'Not a valid id.' }).optional(),
  category: z.enum(SkillCategory).optional(),
});

const fairnessParams = z.object({ startWeek: day.optional(), endWeek: day.optional() });

export function useInsightExports(prisma: PrismaClient, now: () => Date): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (!(INSIGHT_EXPORT_PATHS as readonly string[]).includes(url.pathname)) return;
      endResponse(await exportResponse(prisma, request, url, now()));
    },
  };
}

async function exportResponse(prisma: PrismaClient, request: Request, url: URL, today: Date): Promise<Response> {
  if (request.method !== 'GET') return plainResponse(405, 'Use GET.', { allow: 'GET' });
  const token = readSessionToken(request);
  const viewer = token ? await loadViewer(prisma, token, today) : null;
  if (!viewer) return plainResponse(401, 'Sign in to download reports.');
  if (viewer.passwordChangeRequired) return plainResponse(403, 'Change your temporary password before you download reports.');
  const query = Object.fromEntries(url.searchParams);
  try {
    return url.pathname === '/export/fairness.csv' ? await fairness(prisma, viewer, query, today) : await capacity(prisma, viewer, query, today);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return plainResponse(error.code === 'FORBIDDEN' ? 403 : 400, error.message);
  }
}

async function capacity(prisma: PrismaClient, viewer: Viewer, query: Record<string, string>, today: Date): Promise<Response> {
  const params = capacityParams.safeParse(query);
  if (!params.success) return invalid(params.error);
  const { fromMonth, months, minLevel, organisationId, category } = params.data;
  const report = await capacityDemand(
    prisma,
    viewer,
    { fromMonth: fromMonth ?? today, months, minLevel, organisationId: organisationId ?? null, category: category ?? null },
    today,
  );
  return csv(capacityDemandCsv(report), `capacity-demand-${report.months[0]?.label ?? 'empty'}.csv`);
}

async function fairness(prisma: PrismaClient, viewer: Viewer, query: Record<string, string>, today: Date): Promise<Response> {
  const params = fairnessParams.safeParse(query);
  if (!params.success) return invalid(params.error);
  const report = await fairnessReport(prisma, viewer.icsId, params.data, today);
  return csv(fairnessCsv(report), `fairness-${report.span.startWeek.toISOString().slice(0, 10)}.csv`);
}

function csv(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

function invalid(error: z.ZodError): Response {
  return plainResponse(400, error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'));
}
