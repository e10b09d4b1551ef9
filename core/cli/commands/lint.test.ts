import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { shop } from '../../fixtures/shop.ts'
import { createDocument, serializeDocument } from '../../index.ts'

// The real launcher in a real process, as `npx crowsfoot lint` runs it.
const bin = fileURLToPath(new URL('../../../bin/crowsfoot.js', import.meta.url))
let dir = ''

function crowsfoot(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CROWSFOOT_DEBUG: '' } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
const write = (name: string, content: string) => writeFileSync(join(dir, name), content)

// S0's fk_comments_user: ON DELETE SET NULL on a NOT NULL column, an error.
const comments = `CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid()
);

CREATE TABLE comments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  body text,
  CONSTRAINT fk_comments_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL
);
`

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'crowsfoot-lint-'))
  write('comments.sql', comments)
  write('clean.sql', 'CREATE TABLE t (id bigint PRIMARY KEY);\n')
  write('shop.crowsfoot.json', serializeDocument(createDocument({ name: 'shop', schema: shop })))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('crowsfoot lint', () => {
  it('prints findings grouped by table with file:line:col and exits 1 on an error', () => {
    const r = crowsfoot('lint', 'comments.sql')
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('')
    const lines = r.stdout.split('\n')
    const group = lines.indexOf('public.comments')
    expect(group).toBeGreaterThanOrEqual(0)
    expect(r.stdout).toContain('  comments.sql:9:14: error: Foreign key "fk_comments_user" says ON DELETE SET NULL but "user_id" is NOT NULL')
    expect(r.stdout).toContain('(fk-action-impossible)')
    expect(r.stdout).toMatch(/  comments\.sql:7:3: warning: .*"comments\.user_id"|comments\.sql:\d+:\d+: /)
    expect(lines.at(-2)).toMatch(/^1 error, \d+ warnings, \d+ infos?\.$/)
  })

  it('exits 0 when only warnings and infos remain', () => {
    const r = crowsfoot('lint', 'clean.sql')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^public\.t\n/)
  })

  it('prints the JSON of design.md: rule, severity, message and a schema-qualified target', () => {
    const r = crowsfoot('lint', 'comments.sql', '--format', 'json')
    expect(r.code).toBe(1)
    const found = JSON.parse(r.stdout) as Array<Record<string, unknown>>
    const impossible = found.find((d) => d.rule === 'fk-action-impossible')
    expect(impossible).toEqual({
      rule: 'fk-action-impossible',
      severity: 'error',
      message: expect.stringContaining('fk_comments_user'),
      target: { table: 'public.comments', column: 'user_id', constraint: 'fk_comments_user' },
    })
    for (const d of found) {
      expect(Object.keys(d).sort()).toEqual(['message', 'rule', 'severity', 'target'])
      expect((d.target as { table: string }).table).toMatch(/^public\./)
    }
  })

  it('reads a native design and a config; the config can turn the error off', () => {
    write('off.json', JSON.stringify({ rules: { 'fk-action-impossible': 'off' } }))
    expect(crowsfoot('lint', 'comments.sql', '--config', 'off.json').code).toBe(0)
    expect(crowsfoot('lint', 'shop.crowsfoot.json', '--format', 'json').code).toBe(0)
  })

  it('uses crowsfoot.config.json from the current directory, and --preset over it', () => {
    write('crowsfoot.config.json', JSON.stringify({ rules: { 'fk-action-impossible': 'warning' } }))
    try {
      expect(crowsfoot('lint', 'comments.sql').code).toBe(0)
      const strict = crowsfoot('lint', 'clean.sql', '--preset', 'strict', '--format', 'json')
      expect((JSON.parse(strict.stdout) as Array<{ severity: string }>).some((d) => d.severity === 'info')).toBe(false)
    } finally {
      rmSync(join(dir, 'crowsfoot.config.json'))
    }
  })

  it('reports a bad config as one located line and exits 2', () => {
    write('bad.json', '{\n  "rules": {\n    "no-such-rule": "error"\n  }\n}\n')
    const r = crowsfoot('lint', 'comments.sql', '--config', 'bad.json')
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'bad.json:3:21: Unknown rule "no-such-rule". (at $.rules["no-such-rule"])\n' })
    write('broken.json', '{ "rules": ')
    expect(crowsfoot('lint', 'comments.sql', '--config', 'broken.json')).toMatchObject({ code: 2, stdout: '' })
  })

  it('refuses bad arguments and files with exit 2 and one line', () => {
    expect(crowsfoot('lint', 'comments.sql', '--format', 'yaml')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^<command-line>:1:\d+: Unknown format "yaml"/) })
    expect(crowsfoot('lint', 'comments.sql', '--preset', 'lenient')).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown preset "lenient"; the presets are recommended, strict\.\n$/) })
    expect(crowsfoot('lint', 'missing.sql')).toMatchObject({ code: 2, stderr: 'missing.sql:1:1: Cannot read this file: it does not exist.\n' })
    expect(crowsfoot('lint', 'comments.sql', '--config', 'nope.json')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^nope\.json:1:1: Cannot read this config/) })
  })
})
