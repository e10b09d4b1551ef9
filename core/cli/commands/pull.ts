import { createDocument, readCatalog, serializeDocument } from '../../index.ts'
import type { Arg } from '../args.ts'
import { writeOutput } from '../io.ts'
import { argumentError, CliError } from '../report.ts'
import type { Command } from './types.ts'

const defaultTimeout = 10

export const pullCommand: Command = {
  name: 'pull',
  usage: 'crowsfoot pull <postgres-url> [-o out.crowsfoot.json]',
  summary: 'Read the design of a live PostgreSQL database.',
  positionals: ['postgres-url'],
  options: [
    { key: 'schema', flags: ['--schema'], value: '<name[,name...]>', help: 'read only these schemas (default: every user schema)' },
    { key: 'out', flags: ['-o'], value: '<out.crowsfoot.json>', help: 'write the design to this file instead of stdout' },
    { key: 'timeout', flags: ['--timeout'], value: '<seconds>', help: `give up connecting after this many seconds (default ${defaultTimeout})` },
  ],
  notes: [
    '<postgres-url> is postgres://user[:password]@host[:port]/database[?sslmode=require]; a password may also come from PGPASSWORD. ' +
      'It never appears in any output: messages show the URL as postgres://user:***@host/database.',
    'A connection that fails (refused, unknown host, bad credentials, no answer in time) is exit code 2 with one line.',
  ],
  async run({ positionals, options }, io) {
    const urlArg = positionals[0]!
    const url = parseUrl(urlArg)
    const timeout = parseTimeout(options.get('timeout'))
    const shown = maskUrl(urlArg.value)
    const fail = (message: string) => argumentError(urlArg.column, `${shown}: ${mask(message, url)}`)
    const schemaArg = options.get('schema')
    const wanted = schemaArg?.value.split(',').map((s) => s.trim()).filter((s) => s !== '')

    const pg = (await import('pg')).default
    const client = new pg.Client({ connectionString: urlArg.value, connectionTimeoutMillis: timeout * 1000, query_timeout: 120_000 })
    // A connection dropped later surfaces as a rejected query; without a listener it would crash.
    client.on('error', () => {})
    try {
      await client.connect()
    } catch (e) {
      throw fail(connectionProblem(e, url, timeout))
    }
    try {
      const query = async (sql: string) => ({ rows: (await client.query(sql)).rows as Array<Record<string, unknown>> })
      if (wanted) {
        const existing = new Set((await query('SELECT nspname FROM pg_namespace')).rows.map((r) => String(r.nspname)))
        const missing = wanted.find((s) => !existing.has(s))
        if (missing !== undefined) throw argumentError(schemaArg!.column, `The database has no schema named "${missing}".`)
      }
      const schema = await readCatalog(query, wanted ? { namespaces: wanted } : {})
      const name = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'database'
      writeOutput(serializeDocument(createDocument({ name, schema })), options.get('out'), io)
      const fks = schema.tables.reduce((n, t) => n + t.foreignKeys.length, 0)
      io.err(`${shown}: read ${schema.tables.length} tables, ${fks} foreign keys, ${schema.enums.length} enums from ${wanted ? `schema ${wanted.join(', ')}` : 'every user schema'}.`)
      return 0
    } catch (e) {
      if (e instanceof CliError) throw e
      throw fail(`Reading the catalog failed: ${(e as Error).message ?? String(e)}`)
    } finally {
      await client.end().catch(() => {})
    }
  },
}

function parseUrl(arg: Arg): URL {
  let url: URL | undefined
  try {
    url = new URL(arg.value)
  } catch {
    url = undefined
  }
  if (!url || !/^postgres(ql)?:$/.test(url.protocol) || url.hostname === '' && !url.searchParams.has('host'))
    throw argumentError(arg.column, `Expected a PostgreSQL URL such as postgres://user@localhost:5432/dbname, not "${maskUrl(arg.value)}".`)
  return url
}

function parseTimeout(arg: Arg | undefined): number {
  if (!arg) return defaultTimeout
  const n = Number(arg.value)
  if (!Number.isFinite(n) || n <= 0 || n > 3600) throw argumentError(arg.column, `--timeout takes a number of seconds between 0 and 3600, not "${arg.value}".`)
  return n
}

/** The URL with its password replaced by `***` (whatever shape the rest has). */
export function maskUrl(raw: string): string {
  return raw.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@?#]*):([^@/?#]*)@/i, '$1:***@').replace(/([?&]password=)[^&#]*/i, '$1***')
}

/** Removes the password from a message, in case a driver echoes it. */
function mask(message: string, url: URL): string {
  const secrets = [url.password, decodeURIComponent(url.password), url.searchParams.get('password') ?? '', process.env.PGPASSWORD ?? ''].filter((s) => s.length >= 1)
  let out = message
  for (const s of secrets) out = out.split(s).join('***')
  return out
}

function connectionProblem(e: unknown, url: URL, timeout: number): string {
  const err = e as { code?: string; message?: string }
  const host = `${url.hostname || 'localhost'}:${url.port || 5432}`
  const user = decodeURIComponent(url.username) || process.env.PGUSER || 'the default user'
  const db = decodeURIComponent(url.pathname.replace(/^\//, '')) || user
  switch (err.code) {
    case 'ECONNREFUSED':
      return `Cannot connect: ${host} refused the connection (is PostgreSQL running there, on that port?).`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot connect: unknown host "${url.hostname}".`
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `Cannot connect: ${host} is unreachable from here.`
    case 'ECONNRESET':
      return `Cannot connect: ${host} closed the connection (does it expect SSL? try ?sslmode=require).`
    case '28P01':
      return `Cannot connect: password authentication failed for user "${user}".`
    case '28000':
      return `Cannot connect: the server refused user "${user}" (${err.message ?? 'no access'}).`
    case '3D000':
      return `Cannot connect: database "${db}" does not exist.`
    default:
      if (err.code === 'ETIMEDOUT' || /timeout/i.test(err.message ?? ''))
        return `Cannot connect: no answer from ${host} within ${timeout} s (use --timeout to wait longer).`
      return `Cannot connect: ${err.message ?? String(e)}`
  }
}
