import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../diagnostics.ts'
import { load, table } from './__fixtures__/postgres/helpers.ts'

const codes = (d: readonly Diagnostic[]) => d.map((x) => x.code)

describe('postgres importer: indexes', () => {
  it('reads every index form', async () => {
    const { schema } = await load(`
      CREATE TABLE s (id int, title text, body text, tags text[], created timestamptz, a int, b int);
      CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS s_title ON ONLY public.s USING btree
        (lower(title) COLLATE "C" text_pattern_ops DESC NULLS LAST, (a + b), created DESC NULLS FIRST, (id))
        INCLUDE (body) NULLS NOT DISTINCT WITH (fillfactor = 70) WHERE (a > 0 AND body IS NOT NULL);
      CREATE INDEX ON s USING gin (tags);
      CREATE INDEX ON s (created NULLS FIRST, (a::text));
      CREATE INDEX ON s (public.f(a));`)
    const [i1, i2, i3, i4] = table(schema, 's').indexes
    expect(i1).toMatchObject({
      name: 's_title',
      unique: true,
      method: 'btree',
      keys: [
        { kind: 'expression', sql: 'lower(title)', collation: 'C', opclass: 'text_pattern_ops', order: 'desc', nulls: 'last' },
        { kind: 'expression', sql: 'a + b' },
        { kind: 'column', order: 'desc' },
        { kind: 'column' },
      ],
      where: 'a > 0 AND body IS NOT NULL',
      nullsNotDistinct: true,
    })
    expect(i1!.keys[2]).not.toHaveProperty('nulls')
    expect(i1!.include).toHaveLength(1)
    expect(i2).toMatchObject({ method: 'gin', keys: [{ kind: 'column' }] })
    expect(i2).not.toHaveProperty('name')
    expect(i3).toMatchObject({ keys: [{ kind: 'column', nulls: 'first' }, { kind: 'expression', sql: 'a::text' }] })
    expect(i4).toMatchObject({ keys: [{ kind: 'expression', sql: 'public.f(a)' }] })
  })

  it('skips indexes the model cannot hold, with a reason', async () => {
    const { schema, diagnostics } = await load(`
      CREATE TABLE t (a int);
      CREATE MATERIALIZED VIEW mv AS SELECT 1 AS a;
      CREATE INDEX ON mv (a);
      CREATE INDEX ON t USING bloom (a);`)
    expect(table(schema, 't').indexes).toEqual([])
    expect(diagnostics.map((d) => d.message)).toEqual([
      'Skipped CREATE MATERIALIZED VIEW: a materialized view is not part of the schema model.',
      'Skipped CREATE INDEX: the index is on materialized view "mv", which is not part of the model.',
      'Skipped CREATE INDEX: the index method "bloom" is not part of the model.',
    ])
  })
})

describe('postgres importer: schemas, enums, comments, search path', () => {
  it('follows SET search_path and set_config for unqualified names', async () => {
    const { schema } = await load(`
      CREATE SCHEMA app;
      CREATE SCHEMA "Other";
      SET search_path = app, public;
      CREATE TYPE mood AS ENUM ('happy');
      CREATE TABLE t (m mood);
      SELECT pg_catalog.set_config('search_path', '"Other"', false);
      CREATE TABLE u (id int PRIMARY KEY);
      CREATE TABLE app.v (u_id int REFERENCES "Other".u);`)
    expect(table(schema, 'app.t').columns[0]!.type).toEqual({ kind: 'enum', enumId: schema.enums[0]!.id, arrayDims: 0 })
    expect(schema.enums.map((e) => [schema.namespaces.find((n) => n.id === e.namespaceId)?.name, e.name])).toEqual([['app', 'mood']])
    expect(table(schema, 'app.v').foreignKeys[0]!.target.tableId).toBe(table(schema, 'Other.u').id)
  })

  it('creates the elements of CREATE SCHEMA in that schema', async () => {
    const { schema } = await load(`CREATE SCHEMA Person CREATE TABLE Address (id serial) CREATE TABLE Phone (a_id int REFERENCES Address (id));`)
    expect(schema.tables.map((t) => `${schema.namespaces.find((n) => n.id === t.namespaceId)?.name}.${t.name}`)).toEqual(['person.address', 'person.phone'])
  })

  it('reads enums and their changes', async () => {
    const { schema } = await load(`
      CREATE TYPE s AS ENUM ('b', 'd');
      ALTER TYPE s ADD VALUE 'a' BEFORE 'b';
      ALTER TYPE s ADD VALUE IF NOT EXISTS 'c' AFTER 'b';
      ALTER TYPE s ADD VALUE 'e';
      ALTER TYPE s ADD VALUE IF NOT EXISTS 'e';
      ALTER TYPE s RENAME VALUE 'e' TO 'E';
      COMMENT ON TYPE s IS 'letters';`)
    expect(schema.enums[0]).toMatchObject({ name: 's', comment: 'letters' })
    expect(schema.enums[0]!.values.map((v) => v.name)).toEqual(['a', 'b', 'c', 'd', 'E'])
  })

  it('reads comments on every object of the model', async () => {
    const { schema } = await load(`
      CREATE SCHEMA s; COMMENT ON SCHEMA s IS 'schema';
      CREATE TABLE s.t (id int CONSTRAINT t_pk PRIMARY KEY, x int CHECK (x > 0));
      CREATE INDEX t_x ON s.t (x);
      COMMENT ON TABLE s.t IS 'table';
      COMMENT ON COLUMN s.t.x IS 'column';
      COMMENT ON CONSTRAINT t_pk ON s.t IS 'key';
      COMMENT ON CONSTRAINT t_x_check ON s.t IS 'check';
      COMMENT ON INDEX s.t_x IS 'index';
      COMMENT ON COLUMN s.t.id IS 'gone';
      COMMENT ON COLUMN s.t.id IS NULL;`)
    const t = table(schema, 's.t')
    expect([schema.namespaces[1]!.comment, t.comment, t.columns[1]!.comment, t.primaryKey?.comment, t.checks[0]!.comment, t.indexes[0]!.comment]).toEqual([
      'schema', 'table', 'column', 'key', 'check', 'index',
    ])
    expect(t.columns[0]).not.toHaveProperty('comment')
  })

  it('records extensions, leaving out PL/pgSQL', async () => {
    const { schema, diagnostics } = await load(`CREATE EXTENSION IF NOT EXISTS plpgsql WITH SCHEMA pg_catalog; CREATE EXTENSION "uuid-ossp"; CREATE EXTENSION citext WITH SCHEMA ext;`)
    expect(schema.extensions).toEqual(['uuid-ossp', 'citext'])
    expect(codes(diagnostics)).toEqual(['sql-approximated'])
  })

  it('reads quoted, schema-qualified and unicode names', async () => {
    const { schema } = await load(`CREATE SCHEMA "My Schema"; CREATE TABLE "My Schema"."Order ""Lines""" ("Line No" int, "bıgınt" int, "🎉" text);`)
    expect(table(schema, 'My Schema.Order "Lines"').columns.map((c) => c.name)).toEqual(['Line No', 'bıgınt', '🎉'])
  })
})

describe('postgres importer: tables the model approximates or skips', () => {
  it('keeps the partitioned table and skips partitions', async () => {
    const { schema, diagnostics } = await load(`
      CREATE TABLE m (id int, at date, region text) PARTITION BY RANGE (at, lower(region));
      CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01', 'a') TO ('2025-01-01', 'a');
      CREATE TABLE m_2025 (id int, at date, region text);
      ALTER TABLE ONLY m ATTACH PARTITION m_2025 FOR VALUES FROM ('2025-01-01', 'a') TO ('2026-01-01', 'a');
      CREATE INDEX ON m_2024 (id);`)
    expect(schema.tables.map((t) => [t.name, t.partitionBy])).toEqual([['m', { strategy: 'range', key: 'at, lower(region)' }]])
    expect(diagnostics.map((d) => [d.location?.line, d.message.slice(0, 40)])).toEqual([
      [3, 'Skipped CREATE TABLE: "m_2024" is a part'],
      [5, '"m_2025" became a partition of "m"; part'],
      [6, 'Skipped CREATE INDEX: the index is on pa'],
    ])
  })

  it('reads UNLOGGED, skips TEMP, copies LIKE and INHERITS columns with a note', async () => {
    const { schema, diagnostics } = await load(`
      CREATE UNLOGGED TABLE u (id int NOT NULL DEFAULT 1, t text CHECK (t <> ''));
      CREATE TEMP TABLE tmp (id int);
      CREATE TABLE l (LIKE u INCLUDING DEFAULTS, extra int);
      CREATE TABLE i (extra int) INHERITS (u);
      CREATE TABLE IF NOT EXISTS u (id int);`)
    expect(table(schema, 'u').unlogged).toBe(true)
    expect(table(schema, 'l').columns.map((c) => [c.name, c.nullable, c.default?.kind])).toEqual([
      ['id', false, 'literal'],
      ['t', true, undefined],
      ['extra', true, undefined],
    ])
    expect(table(schema, 'i').columns.map((c) => c.name)).toEqual(['id', 't', 'extra'])
    expect(table(schema, 'i').checks.map((c) => c.name)).toEqual(['u_t_check'])
    expect(schema.tables.map((t) => t.name)).toEqual(['u', 'l', 'i'])
    expect(diagnostics.map((d) => [d.code, d.location?.line])).toEqual([
      ['sql-skipped-statement', 3],
      ['sql-copied-columns', 4],
      ['sql-approximated', 5],
      ['sql-skipped-statement', 6],
    ])
  })

  it('reports every other statement once, with its kind and position', async () => {
    const { diagnostics, stats } = await load(`SET statement_timeout = 0;
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END; $$;
CREATE OR REPLACE VIEW v AS SELECT 1;
  CREATE TRIGGER tr BEFORE INSERT ON x FOR EACH ROW EXECUTE FUNCTION f();
GRANT SELECT ON ALL TABLES IN SCHEMA public TO PUBLIC;
CREATE POLICY p ON x USING (true);
INSERT INTO x VALUES (1);
CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;
DO $$ BEGIN PERFORM 1; END $$;`)
    expect(diagnostics.map((d) => [d.message.replace(/:.*/, ''), d.location])).toEqual([
      ['Skipped CREATE FUNCTION', { line: 2, column: 1 }],
      ['Skipped CREATE VIEW', { line: 3, column: 1 }],
      ['Skipped CREATE TRIGGER', { line: 4, column: 3 }],
      ['Skipped GRANT', { line: 5, column: 1 }],
      ['Skipped CREATE POLICY', { line: 6, column: 1 }],
      ['Skipped INSERT', { line: 7, column: 1 }],
      ['Skipped CREATE FUNCTION', { line: 8, column: 1 }],
      ['Skipped DO', { line: 9, column: 1 }],
    ])
    expect(stats).toMatchObject({ statements: 9, imported: 0, ignored: 1, skipped: 8 })
  })
})
