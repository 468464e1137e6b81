import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { readPrismaDatamodel, type DmmfField } from '../support/prisma-datamodel.ts';

// Proves that applying prisma/migrations yields exactly the database schema.prisma describes, so the
// hand-written SQL and the Prisma client can never drift apart.
const datamodel = readPrismaDatamodel();
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('empty');
});
afterAll(() => db.drop());

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
  datetime_precision: number | null;
}

async function columns(): Promise<ColumnRow[]> {
  return db.prisma.$queryRaw<ColumnRow[]>`
    SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
           numeric_precision, numeric_scale, datetime_precision
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`;
}

/** The PostgreSQL type Prisma Migrate creates for a scalar or enum field. */
function expectedType(field: DmmfField): string {
  if (field.kind === 'enum') return field.isList ? `${field.type}[]` : field.type;
  const [native, args] = field.nativeType ?? [null, []];
  const base = (() => {
    switch (field.type) {
      case 'String':
        return native === 'Uuid' ? 'uuid' : 'text';
      case 'Int':
        return 'integer';
      case 'BigInt':
        return 'bigint';
      case 'Boolean':
        return 'boolean';
      case 'Json':
        return 'jsonb';
      case 'Decimal':
        return `numeric(${args.join(',') || '65,30'})`;
      case 'DateTime':
        if (native === 'Date') return 'date';
        return native === 'Timestamptz' ? `timestamptz(${args[0] ?? 3})` : `timestamp(${args[0] ?? 3})`;
      default:
        throw new Error(`No mapping for Prisma type ${field.type}`);
    }
  })();
  return field.isList ? `${base}[]` : base;
}

function actualType(column: ColumnRow): string {
  if (column.data_type === 'ARRAY') return `${column.udt_name.replace(/^_/, '').replace('int4', 'integer').replace('int8', 'bigint')}[]`;
  if (column.data_type === 'USER-DEFINED') return column.udt_name;
  if (column.data_type === 'numeric') return `numeric(${column.numeric_precision},${column.numeric_scale})`;
  if (column.data_type === 'timestamp with time zone') return `timestamptz(${column.datetime_precision})`;
  if (column.data_type === 'timestamp without time zone') return `timestamp(${column.datetime_precision})`;
  return column.data_type;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

const scalarFields = (model: (typeof datamodel.models)[number]) => model.fields.filter((field) => field.kind !== 'object');

describe('the migrated database matches schema.prisma', () => {
  it('has exactly the tables of the models', async () => {
    const tables = new Set((await columns()).map((column) => column.table_name));
    expect([...tables].sort()).toEqual(datamodel.models.map((model) => model.name).sort());
  });

  it('has every column with the type, nullability and default the schema declares, and no others', async () => {
    const byTable = groupBy(await columns(), (column) => column.table_name);
    for (const model of datamodel.models) {
      const actual = Object.fromEntries(
        (byTable.get(model.name) ?? []).map((column) => [
          column.column_name,
          {
            type: actualType(column),
            // Prisma Migrate creates scalar lists without NOT NULL.
            nullable: column.is_nullable === 'YES',
            hasDefault: column.column_default !== null,
          },
        ]),
      );
      const expected = Object.fromEntries(
        scalarFields(model).map((field) => [
          field.name,
          { type: expectedType(field), nullable: field.isList || !field.isRequired, hasDefault: field.hasDefaultValue },
        ]),
      );
      expect({ model: model.name, columns: actual }).toEqual({ model: model.name, columns: expected });
    }
  });

  it('has the enums with their values in order', async () => {
    const rows = await db.prisma.$queryRaw<{ name: string; value: string }[]>`
      SELECT t.typname AS name, e.enumlabel AS value FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      ORDER BY t.typname, e.enumsortorder`;
    const actual = Object.fromEntries(
      [...groupBy(rows, (row) => row.name)].map(([name, values]) => [name, values.map((row) => row.value)]),
    );
    const expected = Object.fromEntries(datamodel.enums.map((e) => [e.name, e.values.map((value) => value.name)]));
    expect(actual).toEqual(expected);
  });

  it('has the primary keys, unique and plain indexes the schema declares', async () => {
    const rows = await db.prisma.$queryRaw<{ table: string; columns: string[]; unique: boolean; primary: boolean }[]>`
      SELECT c.relname::text AS "table", i.indisunique AS "unique", i.indisprimary AS "primary",
             array_agg(a.attname::text ORDER BY k.ord) AS columns
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      WHERE c.relname <> '_prisma_migrations'
      GROUP BY c.relname, i.indexrelid, i.indisunique, i.indisprimary`;
    const describeIndex = (table: string, kind: string, cols: string[]) => `${table} ${kind} (${cols.join(', ')})`;
    const actual = rows
      .map((row) => describeIndex(row.table, row.primary ? 'id' : row.unique ? 'unique' : 'normal', row.columns))
      .sort();
    const expected = datamodel.indexes
      .map((index) => describeIndex(index.model, index.type, index.fields.map((field) => field.name)))
      .sort();
    expect(actual).toEqual(expected);
  });

  it('has a foreign key for every relation, with its referential action', async () => {
    const rows = await db.prisma.$queryRaw<{ table: string; columns: string[]; target: string; targetColumns: string[]; onDelete: string }[]>`
      SELECT src.relname::text AS "table", tgt.relname::text AS target,
             array(SELECT attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute ON attrelid = con.conrelid AND attnum = k.n ORDER BY o) AS columns,
             array(SELECT attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute ON attrelid = con.confrelid AND attnum = k.n ORDER BY o) AS "targetColumns",
             CASE con.confdeltype WHEN 'c' THEN 'Cascade' WHEN 'r' THEN 'Restrict' WHEN 'n' THEN 'SetNull' WHEN 'a' THEN 'NoAction' WHEN 'd' THEN 'SetDefault' END AS "onDelete"
      FROM pg_constraint con
      JOIN pg_class src ON src.oid = con.conrelid
      JOIN pg_class tgt ON tgt.oid = con.confrelid
      WHERE con.contype = 'f'`;
    const describeKey = (table: string, cols: string[], target: string, targetCols: string[], onDelete: string) =>
      `${table}(${cols.join(', ')}) -> ${target}(${targetCols.join(', ')}) on delete ${onDelete}`;
    const actual = rows.map((row) => describeKey(row.table, row.columns, row.target, row.targetColumns, row.onDelete)).sort();
    const expected = datamodel.models
      .flatMap((model) =>
        model.fields
          .filter((field) => field.kind === 'object' && (field.relationFromFields?.length ?? 0) > 0)
          .map((field) =>
            describeKey(
              model.name,
              field.relationFromFields!,
              field.type,
              field.relationToFields!,
              // Prisma's default for optional relations is SetNull, for required ones Restrict.
              field.relationOnDelete ?? (field.isRequired ? 'Restrict' : 'SetNull'),
            ),
          ),
      )
      .sort();
    expect(actual).toEqual(expected);
  });
});
