/**
 * Lint configuration: `crowsfoot.config.json`, and the same object inside a document later.
 *
 *   { "preset": "recommended",
 *     "rules": { "require-comments": "off", "money-representation": ["warning", { "style": "minor-units" }] } }
 *
 * A preset sets severities and options first; `rules` then overrides per rule. Bad content is
 * reported with a JSON path and, when the text is at hand, a line and column.
 */
import type { Diagnostic, Severity } from '../diagnostics.ts'
import { findSyntaxError, formatPath, locatePath, positionAt } from '../document/json-text.ts'
import { resolveOptions } from './options.ts'
import { presets } from './presets.ts'
import type { PresetName } from './presets.ts'
import type { AnyRule, RuleSeverity } from './types.ts'

export type RuleSetting = RuleSeverity | readonly [RuleSeverity] | readonly [RuleSeverity, Readonly<Record<string, unknown>>]

export interface LintConfig {
  readonly preset?: PresetName
  readonly rules?: Readonly<Record<string, RuleSetting>>
}

/** A rule as it will run: its severity after preset and overrides, and its full options. */
export interface ResolvedRule {
  readonly rule: AnyRule
  readonly severity: Severity
  readonly options: Readonly<Record<string, unknown>>
}

export class LintConfigError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join(' '))
    this.name = 'LintConfigError'
  }
}

const severities: readonly RuleSeverity[] = ['off', 'info', 'warning', 'error']
type Path = Array<string | number>
interface Problem {
  readonly path: Path
  readonly message: string
}

/**
 * Resolves a config against a registry. Problems are collected, not thrown, so that every mistake
 * in a file is reported at once.
 */
export function resolveConfig(config: unknown, registry: readonly AnyRule[]): { rules: ResolvedRule[]; problems: Problem[] } {
  const problems: Problem[] = []
  const byId = new Map(registry.map((r) => [r.meta.id, r]))
  const settings = new Map<string, { severity: RuleSeverity; options: unknown; path: Path }>()
  let value: Record<string, unknown> = {}
  if (config !== undefined) {
    if (config === null || typeof config !== 'object' || Array.isArray(config)) problems.push({ path: [], message: 'A lint config must be an object: { "preset": ..., "rules": { ... } }.' })
    else value = config as Record<string, unknown>
  }
  for (const key of Object.keys(value))
    if (key !== 'preset' && key !== 'rules' && key !== '$schema') problems.push({ path: [key], message: `Unknown key "${key}"; a lint config has "preset" and "rules".` })

  const presetName = value.preset ?? 'recommended'
  if (typeof presetName !== 'string' || !Object.hasOwn(presets, presetName))
    problems.push({ path: ['preset'], message: `Unknown preset ${JSON.stringify(presetName)}; the presets are ${Object.keys(presets).join(', ')}.` })
  else readRules(presets[presetName as PresetName].rules, ['preset'], true)

  if (value.rules !== undefined) {
    if (value.rules === null || typeof value.rules !== 'object' || Array.isArray(value.rules))
      problems.push({ path: ['rules'], message: 'Expected "rules" to be an object of rule ids.' })
    else readRules(value.rules as Record<string, unknown>, ['rules'], false)
  }

  function readRules(rules: Readonly<Record<string, unknown>>, base: Path, fromPreset: boolean) {
    for (const [id, setting] of Object.entries(rules)) {
      const path = fromPreset ? base : [...base, id]
      if (!byId.has(id)) {
        // A preset may name rules a smaller registry (a rule test) does not hold.
        if (!fromPreset) problems.push({ path, message: `Unknown rule "${id}"${suggest(id, [...byId.keys()]) || '.'}` })
        continue
      }
      const [severity, options] = Array.isArray(setting) ? setting : [setting, undefined]
      if (Array.isArray(setting) && (setting.length < 1 || setting.length > 2)) {
        problems.push({ path, message: `Expected "${id}" to be a severity or [severity, options].` })
        continue
      }
      if (!severities.includes(severity as RuleSeverity)) {
        problems.push({ path: Array.isArray(setting) ? [...path, 0] : path, message: `Expected a severity (${severities.join(', ')}) for "${id}", found ${JSON.stringify(severity)}.` })
        continue
      }
      // A preset's options merge with the user's: the user overrides only what they name.
      const previous = settings.get(id)?.options
      const merged = options === undefined ? previous : previous && typeof options === 'object' ? { ...(previous as object), ...options } : options
      settings.set(id, { severity: severity as RuleSeverity, options: merged, path: [...path, 1] })
    }
  }

  const resolved: ResolvedRule[] = []
  for (const rule of registry) {
    const setting = settings.get(rule.meta.id)
    const severity: RuleSeverity = setting?.severity ?? (rule.meta.defaultOff ? 'off' : rule.meta.severity)
    const { options, problems: optionProblems } = resolveOptions(rule.meta.options, setting?.options)
    for (const p of optionProblems) problems.push({ path: [...setting!.path, ...p.path], message: `${rule.meta.id}: ${p.message}` })
    if (severity !== 'off') resolved.push({ rule, severity, options })
  }
  return { rules: resolved, problems }
}

function suggest(id: string, known: string[]): string {
  const close = known.find((k) => k.includes(id) || id.includes(k) || distance(k, id) <= 2)
  return close ? `; did you mean "${close}"?` : ''
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = cur
    }
  }
  return row[b.length]!
}

/** Checks a config value; problems come back as diagnostics with a JSON path. */
export function validateLintConfig(value: unknown, registry: readonly AnyRule[]): Diagnostic[] {
  return resolveConfig(value, registry).problems.map((p) => ({
    code: 'invalid-config',
    severity: 'error',
    message: p.message,
    location: { line: 1, column: 1, path: formatPath(p.path) },
  }))
}

/**
 * Reads `crowsfoot.config.json` text: a syntax error or an invalid setting comes back with its
 * line and column in that text.
 */
export function parseLintConfig(
  text: string,
  registry: readonly AnyRule[],
): { ok: true; config: LintConfig } | { ok: false; diagnostics: Diagnostic[] } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    const { message, offset } = findSyntaxError(text)
    const at = positionAt(text, offset)
    return { ok: false, diagnostics: [{ code: 'invalid-config', severity: 'error', message, location: { ...at, path: '$' } }] }
  }
  const { problems } = resolveConfig(value, registry)
  if (problems.length === 0) return { ok: true, config: value as LintConfig }
  return {
    ok: false,
    diagnostics: problems.map((p) => {
      const at = positionAt(text, Math.max(0, locatePath(text, p.path)))
      return { code: 'invalid-config', severity: 'error', message: p.message, location: { ...at, path: formatPath(p.path) } }
    }),
  }
}
