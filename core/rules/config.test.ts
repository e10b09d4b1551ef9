import { describe, expect, it } from 'vitest'
import { col, schema, table } from '../testing/build.ts'
import { LintConfigError, parseLintConfig, resolveConfig, validateLintConfig } from './config.ts'
import { rules } from './index.ts'
import { createLinter, lint } from './lint.ts'

const design = schema({ Invoice: table({ id: col('bigint').primaryKey(), price: col('double precision') }) })
const codes = (config?: Parameters<typeof lint>[1]) => [...new Set(lint(design, config).map((d) => d.code))].sort()

describe('lint config', () => {
  it('runs the recommended preset by default, with off-by-default rules off', () => {
    const { rules: resolved, problems } = resolveConfig(undefined, rules)
    expect(problems).toEqual([])
    expect(resolved.some((r) => r.rule.meta.id === 'text-length-policy')).toBe(false)
    expect(resolved.length).toBe(rules.length - 1)
  })

  it('turns rules off, changes severities and merges options over the preset', () => {
    expect(codes({ rules: { 'table-name-case': 'off' } })).not.toContain('table-name-case')
    expect(lint(design, { rules: { 'no-float-money': 'warning' } }).find((d) => d.code === 'no-float-money')?.severity).toBe('warning')
    const singular = lint(design, { rules: { 'table-name-number': ['warning', { style: 'singular' }] } })
    expect(singular.some((d) => d.code === 'table-name-number')).toBe(false)
  })

  it('has a strict preset that turns every rule on and raises infos', () => {
    const strict = lint(design, { preset: 'strict' })
    expect(strict.some((d) => d.severity === 'info')).toBe(false)
    expect(strict.some((d) => d.code === 'require-comments' && d.severity === 'warning')).toBe(true)
  })

  it('shifts two-level findings with the rule: a lowered fk-column-mismatch turns its warning into info', () => {
    const s = schema({ a: table({ id: col('bigint').primaryKey() }), b: table({ id: col('bigint').primaryKey(), a_id: col('integer').references('a.id') }) })
    const at = (severity: 'error' | 'warning') => lint(s, { rules: { 'fk-column-mismatch': severity } }).find((d) => d.code === 'fk-column-mismatch')?.severity
    expect(at('error')).toBe('warning')
    expect(at('warning')).toBe('info')
  })

  it('reports every mistake with its JSON path, line and column', () => {
    const text = `{
  "preset": "recomended",
  "rules": {
    "no-float-mony": "error",
    "money-representation": ["warning", { "style": "cents", "scale": 2 }],
    "require-comments": "loud"
  }
}`
    const result = parseLintConfig(text, rules)
    expect(result.ok).toBe(false)
    if (result.ok) return
    const lines = result.diagnostics.map((d) => `${d.location?.line}:${d.location?.column} ${d.location?.path} ${d.message}`)
    expect(lines).toEqual([
      expect.stringMatching(/^2:13 \$\.preset Unknown preset "recomended"; the presets are recommended, strict\.$/),
      expect.stringMatching(/^4:22 \$\.rules\["no-float-mony"\] Unknown rule "no-float-mony"; did you mean "no-float-money"\?$/),
      expect.stringMatching(/^6:25 \$\.rules\["require-comments"\] Expected a severity/),
      expect.stringMatching(/^5:52 \$\.rules\["money-representation"\]\[1\]\.style money-representation: Expected one of "decimal", "minor-units", found "cents"\.$/),
    ])
  })

  it('locates a syntax error', () => {
    const result = parseLintConfig('{ "rules": { "a": "off", } }', rules)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.diagnostics[0]!.location).toMatchObject({ line: 1 })
  })

  it('accepts the migration rules of the catalog ahead of their implementation', () => {
    expect(validateLintConfig({ rules: { 'destructive-drop': 'error' } }, rules)).toEqual([])
  })

  it('rejects unknown keys and bad shapes, and throws for a bad config passed in code', () => {
    expect(validateLintConfig({ rule: {} }, rules)[0]!.message).toMatch(/Unknown key "rule"/)
    expect(validateLintConfig({ rules: { 'wide-index': ['warning', { max: 0 }] } }, rules)[0]!.message).toMatch(/at least 1/)
    expect(validateLintConfig({ rules: { 'require-comments': ['info', { colums: true }] } }, rules)[0]!.message).toMatch(/Unknown option "colums"/)
    expect(() => createLinter({ rules: { nope: 'off' } } as never)).toThrow(LintConfigError)
  })
})
