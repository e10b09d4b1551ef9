import { describe, expect, it } from 'vitest'
import type { AnyRule, LintConfig } from '@core'
import { parseLintConfig, resolveConfig, rules, rulesById } from '@core'
import {
  configFileText,
  configProblems,
  resetRule,
  resetToPreset,
  ruleState,
  setPreset,
  setRuleOption,
  setRuleSeverity,
} from './rule-config.ts'

const rule = (id: string): AnyRule => {
  const r = rulesById.get(id)
  if (!r) throw new Error(`no rule ${id}`)
  return r
}

/** What the engine itself will run: every enabled rule with its severity and options. */
function engineView(config: LintConfig) {
  const { rules: resolved, problems } = resolveConfig(config, rules)
  expect(problems).toEqual([])
  return new Map(resolved.map((r) => [r.rule.meta.id, { severity: r.severity, options: r.options }]))
}

describe('ruleState', () => {
  const configs: LintConfig[] = [
    {},
    { preset: 'strict' },
    { preset: 'recommended', rules: { 'require-comments': 'off', 'money-representation': ['error', { style: 'minor-units' }] } },
    { preset: 'strict', rules: { 'constraint-name-convention': ['info', { templates: { check: 'chk_{table}_{columns}' } }], 'wide-index': ['warning', { max: 5 }] } },
  ]
  it('agrees with the engine on every rule, preset and override', () => {
    for (const config of configs) {
      const engine = engineView(config)
      for (const r of rules) {
        const state = ruleState(config, r)
        const ran = engine.get(r.meta.id)
        if (state.severity === 'off') expect(ran, r.meta.id).toBeUndefined()
        else expect(ran, r.meta.id).toEqual({ severity: state.severity, options: state.options })
      }
    }
  })

  it('tells what the preset gives apart from what the user changed', () => {
    const config: LintConfig = { preset: 'strict', rules: { 'require-comments': 'off' } }
    const state = ruleState(config, rule('require-comments'))
    expect(state).toMatchObject({ severity: 'off', presetSeverity: 'warning', changed: true })
    expect(ruleState(config, rule('wide-index'))).toMatchObject({ severity: 'warning', changed: false })
  })
})

describe('setRuleSeverity', () => {
  it('writes the severity, and drops it again when it equals the preset', () => {
    const off = setRuleSeverity(undefined, rule('require-comments'), 'off')
    expect(off).toEqual({ preset: 'recommended', rules: { 'require-comments': 'off' } })
    expect(engineView(off).has('require-comments')).toBe(false)
    const back = setRuleSeverity(off, rule('require-comments'), 'info')
    expect(back).toEqual({ preset: 'recommended', rules: {} })
  })

  it('keeps the options the user set', () => {
    const withOption = setRuleOption(undefined, rule('wide-index'), 'max', 5)
    const raised = setRuleSeverity(withOption, rule('wide-index'), 'error')
    expect(raised.rules?.['wide-index']).toEqual(['error', { max: 5 }])
    expect(engineView(raised).get('wide-index')).toEqual({ severity: 'error', options: { max: 5 } })
  })

  it('turns on a rule that is off by default', () => {
    const off = rule('text-length-policy')
    expect(ruleState(undefined, off).severity).toBe('off')
    const on = setRuleSeverity(undefined, off, 'warning')
    expect(on.rules).toEqual({ 'text-length-policy': 'warning' })
    expect(engineView(on).get('text-length-policy')?.severity).toBe('warning')
  })
})

describe('setRuleOption', () => {
  it('writes only options that differ from the preset', () => {
    const r = rule('money-representation')
    const minor = setRuleOption(undefined, r, 'style', 'minor-units')
    expect(minor.rules?.['money-representation']).toEqual([r.meta.severity, { style: 'minor-units' }])
    expect(setRuleOption(minor, r, 'style', 'decimal').rules).toEqual({})
  })

  it('writes the changed template kinds only', () => {
    const r = rule('constraint-name-convention')
    const templates = { ...(ruleState(undefined, r).options.templates as Record<string, string>), check: 'chk_{table}_{columns}' }
    const next = setRuleOption(undefined, r, 'templates', templates)
    expect(next.rules?.['constraint-name-convention']).toEqual([r.meta.severity, { templates: { check: 'chk_{table}_{columns}' } }])
    expect((engineView(next).get('constraint-name-convention')?.options.templates as Record<string, string>).check).toBe('chk_{table}_{columns}')
  })

  it('edits lists as whole values', () => {
    const r = rule('require-timestamps')
    const next = setRuleOption(undefined, r, 'ignore', ['schema_migrations'])
    expect(engineView(next).get('require-timestamps')?.options.ignore).toEqual(['schema_migrations'])
    expect(setRuleOption(next, r, 'ignore', []).rules).toEqual({})
  })

  it('leaves a bad value to the core validator, which names the option', () => {
    const next = setRuleOption(undefined, rule('wide-index'), 'max', 0)
    expect(configProblems(next)).toEqual([expect.stringMatching(/rules\["wide-index"\]\[1\]\.max: wide-index: Expected at least 1, found 0/)])
    const fraction = setRuleOption(undefined, rule('wide-index'), 'max', 2.5)
    expect(configProblems(fraction)[0]).toMatch(/whole number/)
    const emptyTemplate = setRuleOption(undefined, rule('index-name-convention'), 'templates', { index: '', unique: 'uq_{table}_{columns}' })
    expect(configProblems(emptyTemplate)[0]).toMatch(/Expected a template/)
  })
})

describe('resetting and presets', () => {
  const config: LintConfig = { preset: 'recommended', rules: { 'require-comments': 'off', 'wide-index': ['warning', { max: 5 }] } }

  it('resets one rule to its preset', () => {
    expect(resetRule(config, rule('require-comments'))).toEqual({ preset: 'recommended', rules: { 'wide-index': ['warning', { max: 5 }] } })
  })

  it('resets every rule', () => {
    expect(resetToPreset({ ...config, preset: 'strict' })).toEqual({ preset: 'strict', rules: {} })
  })

  it('switching preset keeps the user settings that still differ', () => {
    // strict raises wide-index to warning, which the user's setting already says: only max stays.
    const strict = setPreset(config, 'strict')
    expect(strict).toEqual({ preset: 'strict', rules: { 'require-comments': 'off', 'wide-index': ['warning', { max: 5 }] } })
    const raisedOnly = setPreset({ rules: { 'wide-index': 'warning' } }, 'strict')
    expect(raisedOnly).toEqual({ preset: 'strict', rules: {} })
    expect(configProblems(strict)).toEqual([])
  })

  it('keeps a migration rule setting unless the new preset already gives it', () => {
    expect(setPreset({ rules: { 'destructive-drop': 'error' } }, 'strict').rules).toEqual({})
    expect(setPreset({ rules: { 'destructive-drop': 'info' } }, 'strict').rules).toEqual({ 'destructive-drop': 'info' })
  })
})

describe('the config file', () => {
  it('round-trips through the core parser', () => {
    const config = setRuleSeverity(setRuleOption({ preset: 'strict' }, rule('wide-index'), 'max', 4), rule('require-comments'), 'off')
    const parsed = parseLintConfig(configFileText(config), rules)
    expect(parsed).toEqual({ ok: true, config })
  })
})
