import { randomUUID } from 'node:crypto';
import { RequestPriority } from '../../generated/prisma/enums.ts';
import { mondayOf } from '../../domain/weeks.ts';
import * as cell from './cells.ts';
import { changedColumns, rejectRepeats, type Importer, type RowChange } from './plan.ts';
import { loadReference, organisationCell } from './reference.ts';
import { sameSkills, skillList, type SkillAtLevel } from './skill-list.ts';

const COLUMNS = [
  'project', 'organisation', 'title', 'required_skills', 'desired_skills', 'fte', 'start_week', 'end_week', 'priority', 'open_to_development',
] as const;
const PRIORITIES = Object.values(RequestPriority);
/** Requests still editable from a file: once matching has placed someone, changes go through the app. */
const EDITABLE = new Set(['DRAFT', 'SUBMITTED']);

interface RequestRow {
  row: number;
  id: string;
  organisationId: string;
  projectTitle: string;
  title: string;
  required: SkillAtLevel[];
  desired: SkillAtLevel[];
  fte: number;
  startWeek: Date;
  endWeek: Date;
  priority: RequestPriority;
  openToDevelopment: boolean;
}

interface RequestPlan {
  changes: RowChange[];
  /** Projects to create, keyed by organisation id + title. */
  projects: Map<string, { id: string; organisationId: string; title: string }>;
  projectIdOf: Map<RequestRow, string>;
  create: RequestRow[];
  update: RequestRow[];
}

const projectKey = (organisationId: string, title: string) => `${organisationId}|${title.toLowerCase()}`;

/**
 * Demand lines, identified by organisation + project + title. A project named for the first time is created
 * for the organisation. Imported requests are SUBMITTED: the file is the organisation's statement of need.
 */
export const requestImporter: Importer<RequestPlan> = {
  columns: COLUMNS,

  async plan({ tx, viewer, today }, rows, problems) {
    const ownOrganisationId = viewer.role === 'WORKFORCE_LEAD' ? null : viewer.organisationId;
    const reference = await loadReference(tx, viewer.icsId);
    const projects = await tx.project.findMany({
      where: { icsId: viewer.icsId },
      select: {
        id: true, organisationId: true, title: true,
        requests: { include: { skills: { select: { skillId: true, minLevel: true, kind: true } } } },
      },
    });
    const projectByKey = new Map(projects.map((project) => [projectKey(project.organisationId, project.title), project]));
    const thisWeek = mondayOf(today);

    const read = rows.flatMap(({ row, cells }): RequestRow[] => {
      const at = (column: string) => ({ row, column, problems });
      const projectTitle = cell.requiredText(cells.project!, at('project'));
      const organisation = organisationCell(cells.organisation!, reference, ownOrganisationId, at('organisation'));
      const title = cell.requiredText(cells.title!, at('title'));
      const required = skillList(cells.required_skills!, reference.skillIds, at('required_skills'));
      const desired = skillList(cells.desired_skills!, reference.skillIds, at('desired_skills'));
      const fte = cell.decimal(cells.fte!, at('fte'), { min: 0.1, max: 1, step: 0.1 });
      const startWeek = cell.week(cells.start_week!, at('start_week'));
      const endWeek = cell.week(cells.end_week!, at('end_week'));
      const priority = cell.choice(cells.priority!, PRIORITIES, at('priority'));
      const openToDevelopment = cell.yesNo(cells.open_to_development!, at('open_to_development'));
      if (
        projectTitle === null || organisation === null || title === null || required === null || desired === null || fte === null ||
        startWeek === null || endWeek === null || priority === null || openToDevelopment === null
      ) {
        return [];
      }
      if (required.length === 0) {
        problems.add(row, 'required_skills', 'A request needs at least one required skill.');
        return [];
      }
      const both = desired.find((skill) => required.some((must) => must.skillId === skill.skillId));
      if (both) {
        problems.add(row, 'desired_skills', 'A skill cannot be both required and desired.');
        return [];
      }
      if (endWeek < startWeek) {
        problems.add(row, 'end_week', 'The end week is before the start week.');
        return [];
      }
      if (endWeek < thisWeek) {
        problems.add(row, 'end_week', 'The end week is in the past.');
        return [];
      }
      const existing = projectByKey.get(projectKey(organisation.id, projectTitle))?.requests.find((request) => request.title === title);
      return [{
        row, id: existing?.id ?? randomUUID(), organisationId: organisation.id, projectTitle, title, required, desired, fte,
        startWeek, endWeek, priority, openToDevelopment,
      }];
    });
    const unique = rejectRepeats(
      read,
      (request) => `${projectKey(request.organisationId, request.projectTitle)}|${request.title}`,
      (request, first) => problems.add(request.row, 'title', `"${request.projectTitle} / ${request.title}" is also on row ${first}.`),
      (request) => request.row,
    );

    const plan: RequestPlan = { changes: [], projects: new Map(), projectIdOf: new Map(), create: [], update: [] };
    for (const request of unique) {
      const key = projectKey(request.organisationId, request.projectTitle);
      const project = projectByKey.get(key) ?? plan.projects.get(key);
      const projectId = project?.id ?? randomUUID();
      if (!project) plan.projects.set(key, { id: projectId, organisationId: request.organisationId, title: request.projectTitle });
      plan.projectIdOf.set(request, projectId);
      const existing = projectByKey.get(key)?.requests.find((stored) => stored.title === request.title);
      const rowKey = `${request.projectTitle} / ${request.title}`;
      if (!existing) {
        plan.create.push(request);
        plan.changes.push({ row: request.row, key: rowKey, action: 'CREATE', changedFields: [] });
        continue;
      }
      const skillsOf = (kind: 'REQUIRED' | 'DESIRED') =>
        existing.skills.filter((skill) => skill.kind === kind).map((skill) => ({ skillId: skill.skillId, level: skill.minLevel }));
      const fields = changedColumns(
        { fte: existing.fte.toNumber(), start_week: existing.startWeek.toISOString(), end_week: existing.endWeek.toISOString(), priority: existing.priority, open_to_development: existing.openToDevelopment },
        { fte: request.fte, start_week: request.startWeek.toISOString(), end_week: request.endWeek.toISOString(), priority: request.priority, open_to_development: request.openToDevelopment },
      );
      if (!sameSkills(skillsOf('REQUIRED'), request.required)) fields.push('required_skills');
      if (!sameSkills(skillsOf('DESIRED'), request.desired)) fields.push('desired_skills');
      if (fields.length > 0 && !EDITABLE.has(existing.status)) {
        problems.add(request.row, 'title', `"${rowKey}" is already ${existing.status.toLowerCase().replace(/_/g, ' ')}; change it in Analyst Pool instead.`);
        continue;
      }
      if (fields.length > 0) plan.update.push(request);
      plan.changes.push({ row: request.row, key: rowKey, action: fields.length > 0 ? 'UPDATE' : 'UNCHANGED', changedFields: fields });
    }
    return plan;
  },

  async apply({ tx, viewer, today }, plan) {
    const icsId = viewer.icsId;
    await tx.project.createMany({
      data: [...plan.projects.values()].map((project) => ({ ...project, icsId, purpose: '', status: 'ACTIVE' as const, createdById: viewer.userId })),
    });
    const fields = (request: RequestRow) => ({
      fte: request.fte, startWeek: request.startWeek, endWeek: request.endWeek, priority: request.priority, openToDevelopment: request.openToDevelopment,
    });
    await tx.request.createMany({
      data: plan.create.map((request) => ({
        id: request.id, icsId, projectId: plan.projectIdOf.get(request)!, title: request.title, ...fields(request),
        status: 'SUBMITTED' as const, submittedAt: today,
      })),
    });
    for (const request of plan.update) {
      await tx.request.update({ where: { id: request.id }, data: { ...fields(request), version: { increment: 1 } } });
    }
    await tx.requestSkill.deleteMany({ where: { requestId: { in: plan.update.map((request) => request.id) } } });
    await tx.requestSkill.createMany({
      data: [...plan.create, ...plan.update].flatMap((request) => [
        ...request.required.map((skill) => ({ icsId, requestId: request.id, skillId: skill.skillId, kind: 'REQUIRED' as const, minLevel: skill.level })),
        ...request.desired.map((skill) => ({ icsId, requestId: request.id, skillId: skill.skillId, kind: 'DESIRED' as const, minLevel: skill.level })),
      ]),
    });
  },
};
