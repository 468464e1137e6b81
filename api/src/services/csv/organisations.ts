import { OrganisationKind } from '../../generated/prisma/enums.ts';
import { sizeBandFor } from '../../domain/organisations.ts';
import * as cell from './cells.ts';
import { changedColumns, rejectRepeats, type Importer, type RowChange } from './plan.ts';

const COLUMNS = ['name', 'ods_code', 'kind', 'headcount'] as const;
const KINDS = Object.values(OrganisationKind);

interface OrganisationRow {
  row: number;
  id: string | null;
  name: string;
  odsCode: string;
  kind: OrganisationKind;
  headcount: number;
}

interface OrganisationPlan {
  changes: RowChange[];
  create: OrganisationRow[];
  update: OrganisationRow[];
}

/** Partners of the ICS, identified by ODS code. Only workforce leads import them. */
export const organisationImporter: Importer<OrganisationPlan> = {
  columns: COLUMNS,

  async plan({ tx, viewer }, rows, problems) {
    const stored = await tx.organisation.findMany({ where: { icsId: viewer.icsId } });
    const byOds = new Map(stored.map((organisation) => [organisation.odsCode.toUpperCase(), organisation]));
    const byName = new Map(stored.map((organisation) => [organisation.name.toLowerCase(), organisation]));

    const read = rows.flatMap(({ row, cells }): OrganisationRow[] => {
      const at = (column: string) => ({ row, column, problems });
      const name = cell.requiredText(cells.name!, at('name'));
      const odsCode = cell.requiredText(cells.ods_code!.toUpperCase(), at('ods_code'), 12);
      const kind = cell.choice(cells.kind!, KINDS, at('kind'));
      const headcount = cell.wholeNumber(cells.headcount!, at('headcount'), { min: 1, max: 2_000_000 });
      if (name === null || odsCode === null || kind === null || headcount === null) return [];
      const existing = byOds.get(odsCode);
      const namesake = byName.get(name.toLowerCase());
      if (namesake && namesake.odsCode.toUpperCase() !== odsCode) {
        problems.add(row, 'name', `"${name}" is already the name of the organisation with ODS code ${namesake.odsCode}.`);
        return [];
      }
      return [{ row, id: existing?.id ?? null, name, odsCode, kind, headcount }];
    });
    const unique = rejectRepeats(
      rejectRepeats(read, (o) => o.odsCode, (o, first) => problems.add(o.row, 'ods_code', `ODS code ${o.odsCode} is also on row ${first}.`), (o) => o.row),
      (o) => o.name.toLowerCase(),
      (o, first) => problems.add(o.row, 'name', `"${o.name}" is also on row ${first}.`),
      (o) => o.row,
    );

    const plan: OrganisationPlan = { changes: [], create: [], update: [] };
    for (const organisation of unique) {
      const existing = byOds.get(organisation.odsCode);
      const changedFields = existing
        ? changedColumns(
            { name: existing.name, kind: existing.kind, headcount: existing.headcount },
            { name: organisation.name, kind: organisation.kind, headcount: organisation.headcount },
          )
        : [];
      const action = !existing ? 'CREATE' : changedFields.length > 0 ? 'UPDATE' : 'UNCHANGED';
      if (action === 'CREATE') plan.create.push(organisation);
      if (action === 'UPDATE') plan.update.push(organisation);
      plan.changes.push({ row: organisation.row, key: organisation.odsCode, action, changedFields });
    }
    return plan;
  },

  async apply({ tx, viewer }, plan) {
    const data = (organisation: OrganisationRow) => ({
      name: organisation.name,
      kind: organisation.kind,
      headcount: organisation.headcount,
      sizeBand: sizeBandFor(organisation.headcount),
    });
    await tx.organisation.createMany({
      data: plan.create.map((organisation) => ({ icsId: viewer.icsId, odsCode: organisation.odsCode, ...data(organisation) })),
    });
    for (const organisation of plan.update) {
      await tx.organisation.update({ where: { id: organisation.id! }, data: data(organisation) });
    }
  },
};
