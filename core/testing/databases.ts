/**
 * PostgreSQL for tests: PGlite (embedded PostgreSQL 18) in every run, and the real server when
 * `DATABASE_URL` is set (CI sets it). Each test file gets one instance, reset between tests by
 * dropping every user schema: creating a PGlite instance takes seconds.
 */
import { PGlite } from '@electric-sql/pglite'
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin'
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist'
import { citext } from '@electric-sql/pglite/contrib/citext'
import { cube } from '@electric-sql/pglite/contrib/cube'
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance'
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch'
import { hstore } from '@electric-sql/pglite/contrib/hstore'
import { intarray } from '@electric-sql/pglite/contrib/intarray'
import { isn } from '@electric-sql/pglite/contrib/isn'
import { ltree } from '@electric-sql/pglite/contrib/ltree'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto'
import { tablefunc } from '@electric-sql/pglite/contrib/tablefunc'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp'
import pg from 'pg'
import type { QueryFn } from '../importers/catalog.ts'

export interface TestDatabase {
  readonly label: string
  exec(sql: string): Promise<void>
  query: QueryFn
  /** Drops every user schema and extension, leaving an empty `public`. */
  reset(): Promise<void>
  close(): Promise<void>
}

const resetSql = `
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' LOOP
    EXECUTE format('DROP EXTENSION IF EXISTS %I CASCADE', r.extname);
  END LOOP;
  FOR r IN SELECT nspname FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      AND nspname NOT LIKE 'pg_temp_%' AND nspname NOT LIKE 'pg_toast_temp_%' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname);
  END LOOP;
  CREATE SCHEMA public;
END $$;`

/**
 * Hundreds of drop-and-create cycles bloat the system catalogs until catalog queries crawl; a
 * VACUUM every so many resets keeps a long property run as fast at the end as at the start.
 */
const vacuumEvery = 25

export async function createPglite(): Promise<TestDatabase> {
  // Every contrib extension PGlite ships that a real schema commonly uses.
  const db = await PGlite.create({
    extensions: { btree_gin, btree_gist, citext, cube, earthdistance, fuzzystrmatch, hstore, intarray, isn, ltree, pg_trgm, pgcrypto, tablefunc, unaccent, uuid_ossp },
  })
  let resets = 0
  return {
    label: 'PGlite',
    exec: async (sql) => {
      await db.exec(sql)
    },
    query: async (sql) => {
      const r = await db.query<Record<string, unknown>>(sql)
      return { rows: r.rows }
    },
    reset: async () => {
      await db.exec(resetSql)
      if (++resets % vacuumEvery === 0) await db.exec('VACUUM')
    },
    close: () => db.close(),
  }
}

/**
 * A private database on the server at DATABASE_URL, so parallel test files never share one.
 * Returns undefined when DATABASE_URL is not set.
 */
export async function createServerDatabase(): Promise<TestDatabase | undefined> {
  const url = process.env.DATABASE_URL
  if (!url) return undefined
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  const name = `crowsfoot_test_${process.pid}_${Math.floor(Math.random() * 1e9)}`
  await admin.query(`CREATE DATABASE ${name}`)
  const target = new URL(url)
  target.pathname = `/${name}`
  const client = new pg.Client({ connectionString: target.toString() })
  await client.connect()
  await client.query('SET client_min_messages = warning')
  let resets = 0
  return {
    label: 'PostgreSQL server',
    exec: async (sql) => {
      await client.query(sql)
    },
    query: async (sql) => {
      const r = await client.query(sql)
      return { rows: r.rows as Array<Record<string, unknown>> }
    },
    reset: async () => {
      await client.query(resetSql)
      if (++resets % vacuumEvery === 0) await client.query('VACUUM')
    },
    close: async () => {
      await client.end()
      await admin.query(`DROP DATABASE IF EXISTS ${name}`)
      await admin.end()
    },
  }
}

/** Every database this run can reach: PGlite always, the server when DATABASE_URL is set. */
export async function testDatabases(): Promise<TestDatabase[]> {
  const server = await createServerDatabase()
  return [await createPglite(), ...(server ? [server] : [])]
}
