import { stringify } from 'csv-stringify/sync';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { PrismaClient } from '../../db/client.ts';
import type { Viewer } from '../../auth/session.ts';
import { ForbiddenError } from '../../errors.ts';
import { importers, type ImportKind } from './import-file.ts';
import { formatSkillList } from './skill-list.ts';
import { spreadsheetText } from './spreadsheet-text.ts';

export type ExportKind = ImportKind | 'ALLOCATIONS';

const ALLOCATION_COLUMNS = [
  'analyst', 'analyst_email', 'analyst_organisation', 'requesting_organisation', 'project', 'request',
  'start_week', 'end_week', 'fte', 'kind', 'status',
] as const;

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * A CSV file of the viewer's scope: organisations, analysts and requests in exactly the columns the importer
 * reads (so an export re-imports unchanged), and allocations for reporting. Organisation leads get their own
 * organisation's analysts and requests, and the allocations of their requests and their analysts, with the
 * email only of their own analysts (contact details are the home organisation's, DESIGN §2).
 */
export async function exportCsv(prisma: PrismaClient, viewer: Viewer, kind: ExportKind): Promise<string> {
  if (viewer.role === 'ANALYST') throw new ForbiddenError('Only leads can export files.');
  if (viewer.role === 'ORGANISATION_LEAD' && !viewer.organisationId) throw new ForbiddenError('Your account is not linked to an organisation.');
  const own = viewer.role === 'WORKFORCE_LEAD' ? null : viewer.organisationId;
  const rows = await exportRows[kind](prisma, viewer.icsId, own);
  const columns = kind === 'ALLOCATIONS' ? ALLOCATION_COLUMNS : importers[kind].columns;
  return stringify(rows, { header: true, columns: [...columns], cast: { string: spreadsheetText } });
}

type RowsOf = (prisma: PrismaClient, icsId: string, ownOrganisationId: string | null) => Promise<Record<string, string | number>[]>;

const skillName = { select: { name: true } } as const;

const exportRows: Record<ExportKind, RowsOf> = {
  async SKILLS(prisma, icsId) {
    const skills = await prisma.skill.findMany({ where: { icsId }, orderBy: { name: 'asc' } });
    return skills.map((s) => ({ name: s.name, category: s.category, description: s.description }));
  },

  async ORGANISATIONS(prisma, icsId) {
    const organisations = await prisma.organisation.findMany({ where: { icsId }, orderBy: { name: 'asc' } });
    return organisations.map((o) => ({ name: o.name, ods_code: o.odsCode, kind: o.kind, headcount: o.headcount }));
  },

  async ANALYSTS(prisma, icsId, own) {
    const analysts = await prisma.analyst.findMany({
      where: { icsId, status: 'ACTIVE', ...(own ? { organisationId: own } : {}) },
      orderBy: { email: 'asc' },
      include: {
        organisation: { select: { odsCode: true } },
        skills: { include: { skill: skillName } },
        aspirations: { include: { skill: skillName } },
      },
    });
    return analysts.map((a) => ({
      email: a.email,
      name: a.name,
      organisation: a.organisation.odsCode,
      job_title: a.jobTitle,
      band: a.band.replace('BAND_', '').toLowerCase(),
      contracted_fte: a.contractedFte.toNumber(),
      pooled_fte: a.pooledFte.toNumber(),
      skills: formatSkillList(a.skills.map((s) => ({ name: s.skill.name, level: s.level }))),
      aspirations: formatSkillList(a.aspirations.map((s) => ({ name: s.skill.name, level: s.targetLevel }))),
    }));
  },

  async REQUESTS(prisma, icsId, own) {
    const requests = await prisma.request.findMany({
      where: { icsId, status: { not: 'CANCELLED' }, ...(own ? { project: { organisationId: own } } : {}) },
      orderBy: [{ project: { title: 'asc' } }, { title: 'asc' }],
      include: { project: { select: { title: true, organisation: { select: { odsCode: true } } } }, skills: { include: { skill: skillName } } },
    });
    const skillsOf = (request: (typeof requests)[number], kind: 'REQUIRED' | 'DESIRED') =>
      formatSkillList(request.skills.filter((s) => s.kind === kind).map((s) => ({ name: s.skill.name, level: s.minLevel })));
    return requests.map((r) => ({
      project: r.project.title,
      organisation: r.project.organisation.odsCode,
      title: r.title,
      required_skills: skillsOf(r, 'REQUIRED'),
      desired_skills: skillsOf(r, 'DESIRED'),
      fte: r.fte.toNumber(),
      start_week: isoDate(r.startWeek),
      end_week: isoDate(r.endWeek),
      priority: r.priority,
      open_to_development: r.openToDevelopment ? 'yes' : 'no',
    }));
  },

  async ALLOCATIONS(prisma, icsId, own) {
    const where: Prisma.AllocationWhereInput = {
      icsId,
      ...(own ? { OR: [{ analyst: { organisationId: own } }, { request: { project: { organisationId: own } } }] } : {}),
    };
    const allocations = await prisma.allocation.findMany({
      where,
      orderBy: [{ startWeek: 'asc' }, { id: 'asc' }],
      include: {
        analyst: { select: { name: true, email: true, organisationId: true, organisation: { select: { name: true } } } },
        request: { select: { title: true, project: { select: { title: true, organisation: { select: { name: true } } } } } },
      },
    });
    return allocations.map((a) => ({
      analyst: a.analyst.name,
      analyst_email: !own || a.analyst.organisationId === own ? a.analyst.email : '',
      analyst_organisation: a.analyst.organisation.name,
      requesting_organisation: a.request.project.organisation.name,
      project: a.request.project.title,
      request: a.request.title,
      start_week: isoDate(a.startWeek),
      end_week: isoDate(a.endWeek),
      fte: a.fte.toNumber(),
      kind: a.kind,
      status: a.status,
    }));
  },
};
