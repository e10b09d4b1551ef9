/**
 * `crowsfoot pull` through the real launcher. Connections that fail are tested always (a refused
 * port, an unknown host, a server that never answers, a bad password on the real server); the
 * catalog read is tested against the server at DATABASE_URL: a private database gets the DDL of
 * the edge-case fixture, and the pulled design must equal the fixture.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import type { Server, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { edgeCases } from '../fixtures/edge-cases.ts'
import { exportSchema, parseDocument } from '../index.ts'
import { comparable } from '../testing/compare.ts'

const bin = fileURLToPath(new URL('../../bin/crowsfoot.js', import.meta.url))
let dir = ''

/** Spawned without blocking, so that this process can keep serving the silent server below. */
function crowsfoot(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const t0 = performance.now()
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env: { ...process.env, CROWSFOOT_DEBUG: '', PGPASSWORD: '' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - t0 }))
  })
}

const oneLine = /^[^\n]+:\d+:\d+: [^\n]+\n$/
const noTrace = /\bat .*:\d+:\d+\)|Error:/

// Accepts connections and never answers: what a firewall dropping packets looks like to a client.
let silent: Server
const sockets: Socket[] = []
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crowsfoot-pull-'))
  silent = createServer((s) => void sockets.push(s))
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
})
afterAll(() => {
  for (const s of sockets) s.destroy()
  silent.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('crowsfoot pull: a connection that fails is one line and exit code 2, and the password never shows', () => {
  const secret = 'pa55-w0rd-never-shown'
  it.each([
    ['a refused port', `postgres://alice:${secret}@127.0.0.1:1/shop`, [], /127\.0\.0\.1:1 refused the connection/],
    ['an unknown host', `postgres://alice:${secret}@no-such-host.invalid:5432/shop`, [], /unknown host "no-such-host\.invalid"/],
    ['a password in the query string', `postgresql://127.0.0.1:1/shop?user=alice&password=${secret}`, [], /refused the connection/],
  ])('%s', async (_, url, extra, message) => {
    const r = await crowsfoot('pull', url, ...extra)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(oneLine)
    expect(r.stderr.startsWith('<command-line>:1:6: postgres')).toBe(true)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).toContain('***')
    expect(r.stderr + r.stdout).not.toContain(secret)
    expect(r.stderr).not.toMatch(noTrace)
  })

  it('a server that never answers: gives up after --timeout', async () => {
    const { port } = silent.address() as { port: number }
    const r = await crowsfoot('pull', `postgres://alice:${secret}@127.0.0.1:${port}/shop`, '--timeout', '1')
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(oneLine)
    expect(r.stderr).toMatch(new RegExp(`no answer from 127\\.0\\.0\\.1:${port} within 1 s`))
    expect(r.stderr).not.toContain(secret)
    expect(r.ms).toBeLessThan(10_000)
  })

  it.each([
    ['not a URL', ['pull', 'localhost:5432'], '<command-line>:1:6: Expected a PostgreSQL URL'],
    ['another scheme', ['pull', `mysql://root:${secret}@localhost/db`], '<command-line>:1:6: Expected a PostgreSQL URL'],
    ['a bad timeout', ['pull', 'postgres://localhost/db', '--timeout', 'soon'], `<command-line>:1:${'pull postgres://localhost/db --timeout '.length + 1}: --timeout takes`],
  ])('%s is an argument error', async (_, args, start) => {
    const r = await crowsfoot(...args)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(oneLine)
    expect(r.stderr.startsWith(start), r.stderr).toBe(true)
    expect(r.stderr).not.toContain(secret)
  })
})

const serverUrl = process.env.DATABASE_URL
describe.skipIf(!serverUrl)('crowsfoot pull from the server at DATABASE_URL', () => {
  const admin = new pg.Client({ connectionString: serverUrl })
  const name = `crowsfoot_pull_${process.pid}_${Math.floor(Math.random() * 1e6)}`
  let url = ''
  beforeAll(async () => {
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    const target = new URL(serverUrl!)
    target.pathname = `/${name}`
    url = target.toString()
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query(exportSchema('postgres', edgeCases).text)
    await client.end()
  })
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`)
    await admin.end()
  })

  it('reads every model feature back as the design it was created from', async () => {
    const namespaces = edgeCases.namespaces.map((n) => n.name).join(',')
    const r = await crowsfoot('pull', url, '--schema', namespaces, '-o', 'pulled.crowsfoot.json')
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toMatch(new RegExp(`^postgres(ql)?://[^ ]*${name}: read ${edgeCases.tables.length} tables`))
    const doc = parseDocument(readFileSync(join(dir, 'pulled.crowsfoot.json'), 'utf8'))
    if (!doc.ok) throw new Error(JSON.stringify(doc.diagnostics))
    expect(comparable(doc.document.schema)).toEqual(comparable(edgeCases))
  })

  it('reads only the schemas --schema names', async () => {
    const r = await crowsfoot('pull', url, '--schema', 'billing')
    expect(r.code, r.stderr).toBe(0)
    const doc = parseDocument(r.stdout)
    if (!doc.ok) throw new Error('not a document')
    expect(doc.document.schema.namespaces.map((n) => n.name)).toEqual(['billing'])
  })

  it('names a schema that does not exist', async () => {
    const r = await crowsfoot('pull', url, '--schema', 'nope')
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^<command-line>:1:\d+: The database has no schema named "nope"\.\n$/)
  })

  it('credentials the real server refuses, with the password never shown', async () => {
    // A role that does not exist fails under every auth method, trust included (CI's server
    // trusts local connections, so a wrong password alone would be accepted).
    const wrong = new URL(url)
    wrong.username = 'crowsfoot_no_such_role'
    wrong.password = 'certainly-not-the-password'
    const r = await crowsfoot('pull', wrong.toString())
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(oneLine)
    expect(r.stderr).toMatch(/password authentication failed|refused user|role "crowsfoot_no_such_role" does not exist/)
    expect(r.stderr).not.toContain('certainly-not-the-password')
  })
})
