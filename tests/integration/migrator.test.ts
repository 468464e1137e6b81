import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MigrationError, readMigrations, type Migration } from '../../api/src/db/migrator.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { sql } from '../support/sql.ts';

const createWidgets: Migration = { name: '20990101000000_widgets', sql: 'CREATE TABLE "Widget" ("id" INTEGER PRIMARY KEY);', checksum: 'a'.repeat(64) };
const failing: Migration = {
  name: '20990102000000_broken',
  sql: 'CREATE TABLE "Gadget" ("id" INTEGER PRIMARY KEY); SELECT no_such_function();',
  checksum: 'b'.repeat(64),
};

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('empty');
});
afterAll(() => db.drop());

const query = <T extends pg.QueryResultRow>(text: string) => sql<T>(db.url, text);

describe('migrator', () => {
  it('records applied migrations the way Prisma Migrate does, with their checksums', async () => {
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((row) => row.migration_name)).toEqual(readMigrations().map((migration) => migration.name));
    for (const [index, migration] of readMigrations().entries()) {
      expect(rows[index]).toMatchObject({ checksum: migration.checksum, applied_steps_count: 1 });
      expect(rows[index]!.finished_at).toBeInstanceOf(Date);
    }
  });

  it('applies nothing when the database is up to date', async () => {
    expect(await migrate(db.url)).toEqual({ applied: [] });
  });

  it('applies a pending migration once', async () => {
    const migrations = [...readMigrations(), createWidgets];
    expect(await migrate(db.url, migrations)).toEqual({ applied: [createWidgets.name] });
    expect(await migrate(db.url, migrations)).toEqual({ applied: [] });
  });

  it('rolls a failing migration back completely and leaves no record of it', async () => {
    const migrations = [...readMigrations(), createWidgets, failing];
    await expect(migrate(db.url, migrations)).rejects.toThrow(/"20990102000000_broken" failed and was rolled back/);
    expect(await query(`SELECT to_regclass('"Gadget"') AS gadget`)).toEqual([{ gadget: null }]);
    expect(await query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '${failing.name}'`)).toEqual([]);
  });

  it('refuses to start when an applied migration was edited', async () => {
    const edited = { ...createWidgets, checksum: 'c'.repeat(64) };
    const attempt = migrate(db.url, [...readMigrations(), edited]);
    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(migrate(db.url, [...readMigrations(), edited])).rejects.toThrow(/was changed after it was applied/);
  });

  it('refuses to start when the database has a migration this code does not know', async () => {
    await expect(migrate(db.url, readMigrations())).rejects.toThrow(/does not contain it/);
  });
});
