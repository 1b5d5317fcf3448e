/**
 * Fails when prisma/schema.prisma and the migrated database disagree: every model's table,
 * every column, its nullability and every unique index / primary key the schema declares.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

interface DmmfField { name: string; dbName?: string | null; kind: string; isRequired: boolean; isList: boolean }
interface DmmfModel { name: string; dbName: string | null; fields: DmmfField[] }
interface DmmfIndex { model: string; type: 'id' | 'unique' | 'normal' | string; fields: { name: string }[] }

const require = createRequire(import.meta.url);
const wasm = require('@prisma/prisma-schema-wasm') as { get_dmmf(params: string): string };
const dmmf = JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: readFileSync('prisma/schema.prisma', 'utf8') })))
  .datamodel as { models: DmmfModel[]; indexes: DmmfIndex[] };

describe('schema.prisma agrees with the migrated database', () => {
  let t: TestDatabase;
  let columns: Map<string, Map<string, { nullable: boolean }>>;
  let uniques: Map<string, Set<string>>;

  beforeAll(async () => {
    t = await createTestDatabase();
    const cols = await t.pool.query<{ table_name: string; column_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    columns = new Map();
    for (const c of cols.rows) {
      if (!columns.has(c.table_name)) columns.set(c.table_name, new Map());
      columns.get(c.table_name)!.set(c.column_name, { nullable: c.is_nullable === 'YES' });
    }
    // Full (non-partial) unique indexes, as "table(col1,col2)".
    const idx = await t.pool.query<{ table: string; cols: string[] }>(
      `SELECT c.relname AS table, array_agg(a.attname::text ORDER BY k.ord) AS cols
         FROM pg_index i
         JOIN pg_class c ON c.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
        WHERE i.indisunique AND i.indpred IS NULL
        GROUP BY i.indexrelid, c.relname`,
    );
    uniques = new Map();
    for (const row of idx.rows) {
      if (!uniques.has(row.table)) uniques.set(row.table, new Set());
      uniques.get(row.table)!.add(row.cols.join(','));
    }
  });
  afterAll(async () => t.drop());

  const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
  const columnOf = (f: DmmfField) => f.dbName ?? f.name;

  it('has a table for every model and a model for every table', () => {
    const modelTables = dmmf.models.map(tableOf).sort();
    const dbTables = [...columns.keys()].filter((t) => t !== '_prisma_migrations').sort();
    expect(dbTables).toEqual(modelTables);
  });

  for (const model of dmmf.models) {
    it(`${model.name}: columns and nullability match`, () => {
      const table = columns.get(tableOf(model));
      expect(table, `table ${tableOf(model)}`).toBeDefined();
      const scalar = model.fields.filter((f) => f.kind !== 'object');
      const expected = Object.fromEntries(scalar.map((f) => [columnOf(f), { nullable: !f.isRequired || f.isList }]));
      expect(Object.fromEntries(table!)).toEqual(expected);
    });

    it(`${model.name}: every declared unique index and primary key exists`, () => {
      const model2cols = (fields: { name: string }[]) =>
        fields.map((f) => columnOf(model.fields.find((mf) => mf.name === f.name)!)).join(',');
      const declared = dmmf.indexes.filter((i) => i.model === model.name && (i.type === 'unique' || i.type === 'id'));
      const found = uniques.get(tableOf(model)) ?? new Set();
      for (const index of declared) expect(found, `${index.type} on ${model2cols(index.fields)}`).toContain(model2cols(index.fields));
      // And nothing unique in the database that the schema does not declare (partial indexes excepted).
      expect([...found].sort()).toEqual(declared.map((i) => model2cols(i.fields)).sort());
    });
  }
});
