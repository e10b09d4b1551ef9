/**
 * Editing a document's rule configuration (`document.lint`, a LintConfig) one setting at a time.
 * Each helper returns the next config and keeps it minimal: a setting that equals what the preset
 * already gives is dropped, so the saved config (and an exported crowsfoot.config.json) says only
 * what the user chose. The result is checked with the core's validateLintConfig before it is used.
 */
import type { AnyRule, LintConfig, OptionSpec, PresetName, RuleSetting, RuleSeverity } from '@core'
import { presets, rules as registry, validateLintConfig } from '@core'

export const ruleSeverities: readonly RuleSeverity[] = ['off', 'info', 'warning', 'error']
/** How the app says each severity ("info" reads as a note, as in the problems panel). */
export const severityLabels: Readonly<Record<RuleSeverity, string>> = { off: 'Off', info: 'Note', warning: 'Warning', error: 'Error' }

type Options = Readonly<Record<string, unknown>>

/** A rule's setting as it will run, and what the preset alone would give. */
export interface RuleState {
  readonly severity: RuleSeverity
  readonly options: Options
  readonly presetSeverity: RuleSeverity
  readonly presetOptions: Options
  /** The config names this rule (severity or options differ from the preset). */
  readonly changed: boolean
}

export function presetOf(config: LintConfig | undefined): PresetName {
  return config?.preset ?? 'recommended'
}

function split(setting: RuleSetting | undefined): { severity?: RuleSeverity; options?: Options } {
  if (setting === undefined) return {}
  if (typeof setting === 'string') return { severity: setting }
  return { severity: setting[0], ...(setting[1] ? { options: setting[1] } : {}) }
}

function defaults(rule: AnyRule): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, spec] of Object.entries((rule.meta.options ?? {}) as Record<string, OptionSpec>)) out[key] = spec.default
  return out
}

/** Options over the defaults, as the engine merges them: templates per kind, the rest whole. */
function mergeOptions(rule: AnyRule, base: Options, over: Options | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base }
  const specs = (rule.meta.options ?? {}) as Record<string, OptionSpec>
  for (const [key, value] of Object.entries(over ?? {})) {
    const spec = specs[key]
    out[key] = spec?.type === 'templates' ? { ...spec.default, ...(value as object) } : value
  }
  return out
}

export function ruleState(config: LintConfig | undefined, rule: AnyRule): RuleState {
  const id = rule.meta.id
  const fromPreset = split(presets[presetOf(config)].rules[id])
  const presetSeverity = fromPreset.severity ?? (rule.meta.defaultOff ? 'off' : rule.meta.severity)
  const presetOptions = mergeOptions(rule, defaults(rule), fromPreset.options)
  const user = split(config?.rules?.[id])
  // The engine merges user options over the preset's at the option level (shallow).
  const options = mergeOptions(rule, presetOptions, user.options)
  return { severity: user.severity ?? presetSeverity, options, presetSeverity, presetOptions, changed: config?.rules?.[id] !== undefined }
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]))
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a)
    const kb = Object.keys(b)
    return ka.length === kb.length && ka.every((k) => sameValue((a as Options)[k], (b as Options)[k]))
  }
  return false
}

/** The config with `id` set to severity + options, or dropped when both equal the preset's. */
function withSetting(config: LintConfig | undefined, rule: AnyRule, severity: RuleSeverity, options: Options): LintConfig {
  const id = rule.meta.id
  const base = ruleState({ ...config, rules: {} }, rule)
  // Only the options that differ from the preset are written; templates only the changed kinds.
  const specs = (rule.meta.options ?? {}) as Record<string, OptionSpec>
  const own: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(options)) {
    if (sameValue(value, base.presetOptions[key])) continue
    const spec = specs[key]
    if (spec?.type === 'templates') {
      const kinds: Record<string, unknown> = {}
      for (const [kind, t] of Object.entries(value as Options)) if (t !== spec.default[kind]) kinds[kind] = t
      own[key] = kinds
    } else own[key] = value
  }
  const rules: Record<string, RuleSetting> = { ...config?.rules }
  delete rules[id]
  const hasOptions = Object.keys(own).length > 0
  if (hasOptions) rules[id] = [severity, own]
  else if (severity !== base.presetSeverity) rules[id] = severity
  return { preset: presetOf(config), rules: sortedRules(rules) }
}

function sortedRules(rules: Readonly<Record<string, RuleSetting>>): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {}
  for (const id of Object.keys(rules).sort()) out[id] = rules[id]!
  return out
}

export function setRuleSeverity(config: LintConfig | undefined, rule: AnyRule, severity: RuleSeverity): LintConfig {
  return withSetting(config, rule, severity, ruleState(config, rule).options)
}

export function setRuleOption(config: LintConfig | undefined, rule: AnyRule, key: string, value: unknown): LintConfig {
  const state = ruleState(config, rule)
  return withSetting(config, rule, state.severity, { ...state.options, [key]: value })
}

/** Back to what the preset gives for this rule. */
export function resetRule(config: LintConfig | undefined, rule: AnyRule): LintConfig {
  const rules: Record<string, RuleSetting> = { ...config?.rules }
  delete rules[rule.meta.id]
  return { preset: presetOf(config), rules }
}

/**
 * Switches the preset and keeps the user's own settings, except those that now equal what the
 * new preset gives (they would be noise in the file).
 */
export function setPreset(config: LintConfig | undefined, preset: PresetName, rules: readonly AnyRule[] = registry): LintConfig {
  let next: LintConfig = { preset, rules: {} }
  for (const rule of rules) {
    if (config?.rules?.[rule.meta.id] === undefined) continue
    const state = ruleState(config, rule)
    next = withSetting(next, rule, state.severity, state.options)
  }
  // Settings for rules this registry does not hold (a smaller registry in a test) stay as they were.
  const known = new Set(rules.map((r) => r.meta.id))
  const kept = Object.fromEntries(Object.entries(config?.rules ?? {}).filter(([id]) => !known.has(id)))
  return { preset, rules: sortedRules({ ...next.rules, ...kept }) }
}

/** Every rule as its preset gives it. */
export function resetToPreset(config: LintConfig | undefined): LintConfig {
  return { preset: presetOf(config), rules: {} }
}

export function changedRuleCount(config: LintConfig | undefined): number {
  return Object.keys(config?.rules ?? {}).length
}

/** The core's verdict on a config: messages with their JSON path, empty when it is valid. */
export function configProblems(config: LintConfig, rules: readonly AnyRule[] = registry): string[] {
  return validateLintConfig(config, rules).map((d) => (d.location?.path && d.location.path !== '$' ? `${d.location.path}: ${d.message}` : d.message))
}

/** The text of crowsfoot.config.json for this config. */
export function configFileText(config: LintConfig | undefined): string {
  return `${JSON.stringify({ preset: presetOf(config), rules: config?.rules ?? {} }, null, 2)}\n`
}
