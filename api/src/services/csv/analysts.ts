import { randomUUID } from 'node:crypto';
import { AgendaForChangeBand } from '../../generated/prisma/enums.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { holdsCapacity, overbookedWeeks } from '../../domain/capacity.ts';
import { lockAnalysts } from '../allocations/capacity-guard.ts';
import { moveAnalystUsers } from '../user-access.ts';
import { bulkInsert, bulkUpdate, type BulkColumn } from './bulk-sql.ts';
import * as cell from './cells.ts';
import { changedColumns, rejectRepeats, type Importer, type RowChange } from './plan.ts';
import type { ProblemList } from './problems.ts';
import { loadReference, organisationCell } from './reference.ts';
import { sameSkills, skillList, type SkillAtLevel } from './skill-list.ts';

const COLUMNS = ['email', 'name', 'organisation', 'job_title', 'band', 'contracted_fte', 'pooled_fte', 'skills', 'aspirations'] as const;
const BANDS = Object.values(AgendaForChangeBand);

const ANALYST_COLUMNS: Record<string, BulkColumn> = {
  name: { type: 'text' },
  organisationId: { type: 'uuid' },
  jobTitle: { type: 'text' },
  band: { type: 'text', cast: '"AgendaForChangeBand"' },
  contractedFte: { type: 'numeric' },
  pooledFte: { type: 'numeric' },
};
const LEVEL_COLUMNS = (level: 'level' | 'targetLevel'): Record<string, BulkColumn> => ({
  icsId: { type: 'uuid' },
  analystId: { type: 'uuid' },
  skillId: { type: 'uuid' },
  [level]: { type: 'integer' },
});

interface AnalystRow {
  row: number;
  id: string;
  email: string;
  name: string;
  organisationId: string;
  jobTitle: string;
  band: AgendaForChangeBand;
  contractedFte: number;
  pooledFte: number;
  skills: SkillAtLevel[];
  aspirations: SkillAtLevel[];
}

interface AnalystPlan {
  changes: RowChange[];
  create: AnalystRow[];
  update: AnalystRow[];
  /** Stored skills the file drops or changes (a changed level is self-assessed again, so it loses its evidence date). */
  skillRowsToDelete: string[];
  skillsToCreate: { analystId: string; skill: SkillAtLevel }[];
  /** Updated analysts whose aspirations changed; their aspirations are replaced. */
  reaspired: AnalystRow[];
}

/** An Agenda for Change band written as "7", "8a", "Band 8a" or "BAND_8A". */
function band(value: string, at: cell.CellAt): AgendaForChangeBand | null {
  const key = `BAND_${value.trim().toUpperCase().replace(/^BAND[\s_]*/, '')}`;
  const found = BANDS.find((candidate) => candidate === key);
  return found ?? at.problems.add(at.row, at.column, `"${value}" is not an Agenda for Change band (5, 6, 7, 8a, 8b, 8c, 8d or 9).`);
}

/** Analysts with their skills and aspirations, identified by email. */
export const analystImporter: Importer<AnalystPlan> = {
  columns: COLUMNS,

  async plan({ tx, viewer }, rows, problems) {
    const ownOrganisationId = viewer.role === 'WORKFORCE_LEAD' ? null : viewer.organisationId;
    const reference = await loadReference(tx, viewer.icsId);
    const stored = await tx.analyst.findMany({
      where: { icsId: viewer.icsId },
      include: { skills: { select: { id: true, skillId: true, level: true } }, aspirations: { select: { skillId: true, targetLevel: true } } },
    });
    const byEmail = new Map(stored.map((analyst) => [analyst.email, analyst]));

    const read = rows.flatMap(({ row, cells }): AnalystRow[] => {
      const at = (column: string) => ({ row, column, problems });
      const email = cell.email(cells.email!, at('email'));
      const name = cell.requiredText(cells.name!, at('name'));
      const organisation = organisationCell(cells.organisation!, reference, ownOrganisationId, at('organisation'));
      const jobTitle = cell.requiredText(cells.job_title!, at('job_title'));
      const agendaForChangeBand = band(cells.band!, at('band'));
      const contractedFte = cell.decimal(cells.contracted_fte!, at('contracted_fte'), { min: 0.01, max: 1, step: 0.01 });
      const pooledFte = cell.decimal(cells.pooled_fte!, at('pooled_fte'), { min: 0, max: 1, step: 0.01 });
      const skills = skillList(cells.skills!, reference.skillIds, at('skills'));
      const aspirations = skillList(cells.aspirations!, reference.skillIds, at('aspirations'));
      if (
        email === null || name === null || organisation === null || jobTitle === null || agendaForChangeBand === null ||
        contractedFte === null || pooledFte === null || skills === null || aspirations === null
      ) {
        return [];
      }
      if (pooledFte > contractedFte) {
        problems.add(row, 'pooled_fte', `Pooled FTE ${pooledFte} is more than contracted FTE ${contractedFte}.`);
        return [];
      }
      const existing = byEmail.get(email);
      if (existing && ownOrganisationId && existing.organisationId !== ownOrganisationId) {
        problems.add(row, 'email', `${email} belongs to another organisation's analyst.`);
        return [];
      }
      const aspirationBelowLevel = aspirations.find((aspiration) => {
        const held = skills.find((skill) => skill.skillId === aspiration.skillId);
        return held !== undefined && held.level >= aspiration.level;
      });
      if (aspirationBelowLevel) {
        problems.add(row, 'aspirations', 'An aspiration must aim above the level the analyst already holds in that skill.');
        return [];
      }
      return [{
        row, id: existing?.id ?? randomUUID(), email, name, organisationId: organisation.id, jobTitle,
        band: agendaForChangeBand, contractedFte, pooledFte, skills, aspirations,
      }];
    });
    const unique = rejectRepeats(read, (a) => a.email, (a, first) => problems.add(a.row, 'email', `${a.email} is also on row ${first}.`), (a) => a.row);

    const plan: AnalystPlan = { changes: [], create: [], update: [], skillRowsToDelete: [], skillsToCreate: [], reaspired: [] };
    for (const analyst of unique) {
      const existing = byEmail.get(analyst.email);
      if (!existing) {
        plan.create.push(analyst);
        plan.skillsToCreate.push(...analyst.skills.map((skill) => ({ analystId: analyst.id, skill })));
        plan.changes.push({ row: analyst.row, key: analyst.email, action: 'CREATE', changedFields: [] });
        continue;
      }
      const fields = changedColumns(
        { name: existing.name, organisation: existing.organisationId, job_title: existing.jobTitle, band: existing.band, contracted_fte: existing.contractedFte.toNumber(), pooled_fte: existing.pooledFte.toNumber() },
        { name: analyst.name, organisation: analyst.organisationId, job_title: analyst.jobTitle, band: analyst.band, contracted_fte: analyst.contractedFte, pooled_fte: analyst.pooledFte },
      );
      const storedAspirations = existing.aspirations.map((aspiration) => ({ skillId: aspiration.skillId, level: aspiration.targetLevel }));
      if (!sameSkills(existing.skills, analyst.skills)) fields.push('skills');
      if (!sameSkills(storedAspirations, analyst.aspirations)) fields.push('aspirations');
      const action = fields.length > 0 ? 'UPDATE' : 'UNCHANGED';
      if (action === 'UPDATE') plan.update.push(analyst);
      if (fields.includes('aspirations')) plan.reaspired.push(analyst);
      for (const held of existing.skills) {
        const kept = analyst.skills.some((skill) => skill.skillId === held.skillId && skill.level === held.level);
        if (!kept) plan.skillRowsToDelete.push(held.id);
      }
      for (const skill of analyst.skills) {
        const kept = existing.skills.some((held) => held.skillId === skill.skillId && held.level === skill.level);
        if (!kept) plan.skillsToCreate.push({ analystId: analyst.id, skill });
      }
      plan.changes.push({ row: analyst.row, key: analyst.email, action, changedFields: fields });
    }
    await reportReducedTimeBelowBookings(tx, plan.update.filter((analyst) => analyst.pooledFte < byEmail.get(analyst.email)!.pooledFte.toNumber()), problems);
    return plan;
  },

  async apply({ tx, viewer }, plan) {
    const icsId = viewer.icsId;
    const fields = (analyst: AnalystRow) => ({
      id: analyst.id, name: analyst.name, organisationId: analyst.organisationId, jobTitle: analyst.jobTitle,
      band: analyst.band, contractedFte: analyst.contractedFte, pooledFte: analyst.pooledFte,
    });
    const newAnalystColumns: Record<string, BulkColumn> = {
      ...ANALYST_COLUMNS,
      id: { type: 'uuid' },
      icsId: { type: 'uuid' },
      email: { type: 'text' },
      sectorsOfInterest: { type: 'text', cast: '"OrganisationKind"[]' },
    };
    await bulkInsert(tx, 'Analyst', newAnalystColumns, plan.create.map((analyst) => ({ ...fields(analyst), icsId, email: analyst.email, sectorsOfInterest: '{}' })));
    await bulkUpdate(tx, 'Analyst', ANALYST_COLUMNS, plan.update.map(fields), { versioned: true });
    await moveAnalystUsers(tx, plan.update);
    await tx.analystSkill.deleteMany({ where: { id: { in: plan.skillRowsToDelete } } });
    await bulkInsert(tx, 'AnalystSkill', LEVEL_COLUMNS('level'),
      plan.skillsToCreate.map(({ analystId, skill }) => ({ icsId, analystId, skillId: skill.skillId, level: skill.level })));
    await tx.aspiration.deleteMany({ where: { analystId: { in: plan.reaspired.map((analyst) => analyst.id) } } });
    await bulkInsert(tx, 'Aspiration', LEVEL_COLUMNS('targetLevel'),
      [...plan.create, ...plan.reaspired].flatMap((analyst) =>
        analyst.aspirations.map((aspiration) => ({ icsId, analystId: analyst.id, skillId: aspiration.skillId, targetLevel: aspiration.level })),
      ));
  },
};


/**
 * Less pooled time must still cover the allocations that already hold an analyst's time. The rows are locked
 * as confirming locks them, so no confirmation slips in between this check and the import's commit.
 */
async function reportReducedTimeBelowBookings(tx: Prisma.TransactionClient, reduced: AnalystRow[], problems: ProblemList): Promise<void> {
  if (reduced.length === 0) return;
  await lockAnalysts(tx, reduced.map((analyst) => analyst.id));
  const stored = await tx.analyst.findMany({
    where: { id: { in: reduced.map((analyst) => analyst.id) } },
    select: {
      id: true,
      protectedDevelopmentShare: true,
      availabilities: { select: { startWeek: true, endWeek: true, availableFraction: true } },
      allocations: { where: holdsCapacity, select: { startWeek: true, endWeek: true, fte: true } },
    },
  });
  for (const analyst of reduced) {
    const held = stored.find((row) => row.id === analyst.id)!;
    const [first] = overbookedWeeks({
      pooledFte: analyst.pooledFte,
      protectedDevelopmentShare: held.protectedDevelopmentShare.toNumber(),
      availabilities: held.availabilities.map((row) => ({ ...row, availableFraction: row.availableFraction.toNumber() })),
      bookings: held.allocations.map((row) => ({ ...row, fte: row.fte.toNumber() })),
    });
    if (first) {
      problems.add(
        analyst.row,
        'pooled_fte',
        `Pooled FTE ${analyst.pooledFte} leaves ${first.allowanceTenths / 10} FTE in the week of ${first.week.toISOString().slice(0, 10)}, ` +
          `but ${first.bookedTenths / 10} FTE is already agreed then; change those allocations first.`,
      );
    }
  }
}
