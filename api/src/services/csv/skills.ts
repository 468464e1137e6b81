import { SkillCategory } from '../../generated/prisma/enums.ts';
import * as cell from './cells.ts';
import { changedColumns, rejectRepeats, type Importer, type RowChange } from './plan.ts';

const COLUMNS = ['name', 'category', 'description'] as const;
const CATEGORIES = Object.values(SkillCategory);

interface SkillRow {
  row: number;
  id: string | null;
  name: string;
  category: SkillCategory;
  description: string;
}

interface SkillPlan {
  changes: RowChange[];
  create: SkillRow[];
  update: SkillRow[];
}

/** The ICS's skills taxonomy, identified by name. Only workforce leads import it. */
export const skillImporter: Importer<SkillPlan> = {
  columns: COLUMNS,

  async plan({ tx, viewer }, rows, problems) {
    const stored = await tx.skill.findMany({ where: { icsId: viewer.icsId } });
    const byName = new Map(stored.map((skill) => [skill.name.toLowerCase(), skill]));
    const read = rows.flatMap(({ row, cells }): SkillRow[] => {
      const at = (column: string) => ({ row, column, problems });
      const name = cell.requiredText(cells.name!, at('name'), 100);
      const category = cell.choice(cells.category!, CATEGORIES, at('category'));
      const description = cells.description!.length > 1000 ? problems.add(row, 'description', 'description is longer than 1000 characters.') : cells.description!;
      if (name === null || category === null || description === null) return [];
      if (name.includes(':') || name.includes(';')) {
        problems.add(row, 'name', 'A skill name cannot contain ":" or ";", which separate skills and levels in other files.');
        return [];
      }
      return [{ row, id: byName.get(name.toLowerCase())?.id ?? null, name, category, description }];
    });
    const unique = rejectRepeats(read, (s) => s.name.toLowerCase(), (s, first) => problems.add(s.row, 'name', `"${s.name}" is also on row ${first}.`), (s) => s.row);
    const plan: SkillPlan = { changes: [], create: [], update: [] };
    for (const skill of unique) {
      const existing = byName.get(skill.name.toLowerCase());
      const changedFields = existing
        ? changedColumns({ category: existing.category, description: existing.description }, { category: skill.category, description: skill.description })
        : [];
      const action = !existing ? 'CREATE' : changedFields.length > 0 ? 'UPDATE' : 'UNCHANGED';
      if (action === 'CREATE') plan.create.push(skill);
      if (action === 'UPDATE') plan.update.push(skill);
      plan.changes.push({ row: skill.row, key: skill.name, action, changedFields });
    }
    return plan;
  },

  async apply({ tx, viewer }, plan) {
    await tx.skill.createMany({
      data: plan.create.map(({ name, category, description }) => ({ icsId: viewer.icsId, name, category, description })),
    });
    for (const skill of plan.update) {
      await tx.skill.update({ where: { id: skill.id! }, data: { category: skill.category, description: skill.description } });
    }
  },
};
