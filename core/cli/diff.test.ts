import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { shop } from '../fixtures/shop.ts'
import { shopRelease, shopReleaseInputs } from '../fixtures/shop-release.ts'
import { createDocument, lintMigration, planMigration, printMigration, readCatalog, serializeDocument } from '../index.ts'
import { comparable } from '../testing/compare.ts'
import { createPglite, type TestDatabase } from '../testing/databases.ts'
import { runScript } from '../testing/migrate.ts'

// The real launcher in a real process, as `npx crowsfoot diff` runs.
const bin = fileURLToPath(new URL('../../bin/crowsfoot.js', import.meta.url))
let dir = ''
let db: TestDatabase

function crowsfoot(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CROWSFOOT_DEBUG: '' } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
const write = (name: string, content: string) => writeFileSync(join(dir, name), content)

const oldSql = `CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL, name text);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id uuid NOT NULL REFERENCES users (id), note text);
`
const newSql = `CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL, name text, nick text);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id uuid NOT NULL REFERENCES users (id), note text);
CREATE INDEX idx_orders_user_id ON orders (user_id);
`

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crowsfoot-diff-'))
  write('old.sql', oldSql)
  write('new.sql', newSql)
  write('shop.crowsfoot.json', serializeDocument(createDocument({ name: 'shop', schema: shop })))
  write('release.crowsfoot.json', serializeDocument(createDocument({ name: 'shop', schema: shopRelease })))
  write('inputs.json', JSON.stringify(shopReleaseInputs, null, 2))
  db = await createPglite()
})
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true })
  await db.close()
})

describe('crowsfoot diff', () => {
  it('writes the migration between two SQL files, matched by name, that PostgreSQL runs', async () => {
    const r = crowsfoot('diff', 'old.sql', 'new.sql')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('CREATE INDEX CONCURRENTLY idx_orders_user_id ON public.orders (user_id);')
    expect(r.stdout).toContain('ALTER TABLE public.users ADD COLUMN nick text;')
    expect(r.stderr).toMatch(/^<stdout>: 3 steps for 2 changes; 0 error\(s\)/m)
    await db.reset()
    await runScript(db, oldSql)
    await runScript(db, r.stdout)
    const fresh = await createPglite()
    await runScript(fresh, newSql)
    expect(comparable(await readCatalog(db.query))).toEqual(comparable(await readCatalog(fresh.query)))
    await fresh.close()
  }, 60_000)

  it('matches two versions of one design by id: a rename is a rename', () => {
    const r = crowsfoot('diff', 'shop.crowsfoot.json', 'release.crowsfoot.json', '--inputs', 'inputs.json')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('RENAME COLUMN full_name TO display_name')
    expect(r.stderr).toMatch(/warning: Column "users\.full_name" is renamed to "display_name".* \(rename-breaks-clients\)/)
    // Each finding points at its step's line in the output.
    const line = Number(/^<stdout>:(\d+):1: warning: Column "users\.full_name"/m.exec(r.stderr)![1])
    expect(r.stdout.split('\n')[line - 1]).toMatch(/^-- s\d+\. Rename column users\.full_name to display_name/)
  })

  it('exits 1 on a hazard of error severity, unless --allow-hazards', () => {
    const r = crowsfoot('diff', 'shop.crowsfoot.json', 'release.crowsfoot.json', '--config', 'strict.json')
    expect(r.code).toBe(2)
    write('strict.json', JSON.stringify({ preset: 'strict' }))
    const strict = crowsfoot('diff', 'shop.crowsfoot.json', 'release.crowsfoot.json', '--inputs', 'inputs.json', '--config', 'strict.json')
    expect(strict.code).toBe(1)
    expect(strict.stderr).toMatch(/error: Column "audit_log\.ip_address" is dropped.* \(destructive-drop\)/)
    expect(strict.stdout).toContain('DROP COLUMN ip_address')
    expect(crowsfoot('diff', 'shop.crowsfoot.json', 'release.crowsfoot.json', '--inputs', 'inputs.json', '--config', 'strict.json', '--allow-hazards').code).toBe(0)
  })

  it('says what input is missing, and takes it from --inputs', () => {
    write('required.sql', newSql.replace('nick text', 'nick text NOT NULL'))
    const r = crowsfoot('diff', 'old.sql', 'required.sql')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/error: Column "users\.nick" is NOT NULL with no default.*\(add-required-column\)/)
    const id = /needs input (columnAdded:\S+):/.exec(r.stderr)![1]!
    write('nick.json', JSON.stringify({ [id]: "'anonymous'" }))
    const given = crowsfoot('diff', 'old.sql', 'required.sql', '--inputs', 'nick.json')
    expect(given.code).toBe(0)
    expect(given.stdout).toContain(`ADD COLUMN nick text NOT NULL DEFAULT 'anonymous';`)
    expect(given.stdout).toContain('ALTER COLUMN nick DROP DEFAULT;')
  })

  it('writes the down migration, and plain statements with --simple', () => {
    const down = crowsfoot('diff', 'old.sql', 'new.sql', '--down')
    expect(down.code).toBe(0)
    expect(down.stdout).toMatch(/^-- Down migration/)
    expect(down.stdout).toContain('ALTER TABLE public.users DROP COLUMN nick;')
    const simple = crowsfoot('diff', 'old.sql', 'new.sql', '--simple', '-o', 'dev.sql')
    expect(simple.stdout).toBe('')
    const text = readFileSync(join(dir, 'dev.sql'), 'utf8')
    const statements = text.split('\n').filter((l) => !l.startsWith('--')).join('\n')
    expect(statements).not.toMatch(/BEGIN|CONCURRENTLY|SET lock_timeout/)
    expect(statements).toContain('CREATE INDEX idx_orders_user_id ON public.orders (user_id);')
    expect(simple.stderr).toMatch(/^dev\.sql:\d+:1: info: .*lock_timeout.*\(lock-timeouts\)/m)
  })

  it('writes both files with the seeds’ names into --out-dir', () => {
    const r = crowsfoot('diff', 'old.sql', 'new.sql', '--out-dir', 'migrations', '--name', 'Add nick')
    expect(r.code).toBe(0)
    const files = readdirSync(join(dir, 'migrations')).sort()
    expect(files).toHaveLength(2)
    expect(files[0]).toMatch(/^\d{14}_add_nick\.down\.sql$/)
    expect(files[1]).toMatch(/^\d{14}_add_nick\.up\.sql$/)
    expect(readFileSync(join(dir, 'migrations', files[1]!), 'utf8')).toContain('ADD COLUMN nick text')
  })

  const argsAt = (before: string) => `<command-line>:1:${before.length + 1}: `
  const cases: Array<[string, Record<string, string>, string[], string]> = [
    ['a missing file', {}, ['diff', 'old.sql', 'nope.sql'], 'nope.sql:1:1: '],
    ['SQL PostgreSQL rejects', { 'bad.sql': 'CREATE TABLE t (id int,\n  x nosuchtype(3,,));\n' }, ['diff', 'old.sql', 'bad.sql'], 'bad.sql:2:'],
    ['inputs that are not JSON', { 'bad.json': '{ "a": ' }, ['diff', 'old.sql', 'new.sql', '--inputs', 'bad.json'], 'bad.json:1:'],
    ['an input that is not a change id', { 'odd.json': '{\n  "nick": "1"\n}' }, ['diff', 'old.sql', 'new.sql', '--inputs', 'odd.json'], 'odd.json:2:'],
    ['an input that is not an expression', { 'evil.json': JSON.stringify({ 'columnNullabilityChanged:co_5': "1; DROP TABLE users" }) }, ['diff', 'shop.crowsfoot.json', 'release.crowsfoot.json', '--inputs', 'evil.json'], 'evil.json:1:1: '],
    ['one file only', {}, ['diff', 'old.sql'], argsAt('diff old.sql ')],
    ['-o with --out-dir', {}, ['diff', 'old.sql', 'new.sql', '-o', 'x.sql', '--out-dir', 'd'], argsAt('diff old.sql new.sql -o ')],
  ]
  it.each(cases)('%s: exit code 2 and one located line', (_what, files, args, start) => {
    for (const [name, content] of Object.entries(files)) write(name, content)
    const r = crowsfoot(...args)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^[^\n]+:\d+:\d+: [^\n]+\n$/)
    expect(r.stderr.startsWith(start), r.stderr).toBe(true)
  })

  it('prints what the API prints', () => {
    const plan = planMigration(shop, shopRelease, { inputs: shopReleaseInputs })
    const r = crowsfoot('diff', 'shop.crowsfoot.json', 'release.crowsfoot.json', '--inputs', 'inputs.json')
    expect(r.stdout).toBe(printMigration(plan, { findings: lintMigration(plan) }))
  })
})
