/**
 * The Rules dialog: the preset, then every rule by category with its severity, and the selected
 * rule's options and doc. Every change applies at once (one undo entry), is checked by the core's
 * validateLintConfig, is saved in the document and re-runs lint. The config can be copied,
 * downloaded as crowsfoot.config.json, or replaced from pasted text or a file.
 */
import { useState } from 'react'
import { Copy, FileDown, FileUp, RotateCcw } from 'lucide-react'
import type { AnyRule, OptionSpec, PresetName, RuleSeverity } from '@core'
import { presets, rules, rulesById } from '@core'
import { Button } from '../../components/Button.tsx'
import { Dialog } from '../../components/Dialog.tsx'
import { Checkbox } from '../../components/Field.tsx'
import { SegmentedControl } from '../../components/SegmentedControl.tsx'
import { appStore, useApp } from '../../store/index.ts'
import { applyLintConfig } from './apply-config.ts'
import { ConfigImport } from './ConfigImport.tsx'
import { RuleDoc, categoryName } from './RuleDoc.tsx'
import { RuleList } from './RuleList.tsx'
import { RuleOptions } from './RuleOptions.tsx'
import {
  changedRuleCount, configFileText, configProblems, presetOf, resetRule, resetToPreset, ruleSeverities, ruleState, setPreset, severityLabels, setRuleOption, setRuleSeverity,
} from './rule-config.ts'
import './RulesDialog.css'

const presetNames = Object.keys(presets) as PresetName[]
const presetLabels: Readonly<Record<PresetName, string>> = { recommended: 'Recommended', strict: 'Strict' }

function matches(rule: AnyRule, terms: readonly string[]): boolean {
  const text = `${rule.meta.id} ${rule.meta.description} ${categoryName(rule.meta.category)}`.toLowerCase()
  return terms.every((t) => text.includes(t))
}

export function RulesDialog({ initialRuleId, onClose }: { readonly initialRuleId?: string | undefined; readonly onClose: () => void }) {
  const config = useApp((s) => s.document.lint)
  const [query, setQuery] = useState('')
  const [changedOnly, setChangedOnly] = useState(false)
  const [selectedId, setSelectedId] = useState(initialRuleId && rulesById.has(initialRuleId) ? initialRuleId : rules[0]!.meta.id)
  const [view, setView] = useState<'rules' | 'import'>('rules')
  const [problem, setProblem] = useState<string | undefined>()

  const terms = query.toLowerCase().split(/\s+/).filter(Boolean)
  const shown = rules.filter((r) => matches(r, terms) && (!changedOnly || config?.rules?.[r.meta.id] !== undefined))
  const selected = rulesById.get(selectedId)!
  const state = ruleState(config, selected)
  const invalid = configProblems(config ?? {})
  const changed = changedRuleCount(config)
  const preset = presetOf(config)

  const commit = (label: string, next: Parameters<typeof applyLintConfig>[2], coalesce?: string): string | undefined => {
    const problems = applyLintConfig(appStore, label, next, coalesce ? { coalesce } : {})
    return problems.length > 0 ? problems.join(' ') : undefined
  }
  const setSeverity = (rule: AnyRule, severity: RuleSeverity) => setProblem(commit(`Rules: ${rule.meta.id} ${severityLabels[severity].toLowerCase()}`, setRuleSeverity(config, rule, severity)))
  const setOption = (key: string, value: unknown) => commit(`Rules: ${selected.meta.id} ${key}`, setRuleOption(config, selected, key, value))

  const download = () => {
    const url = URL.createObjectURL(new Blob([configFileText(config)], { type: 'application/json' }))
    const a = document.createElement('a')
    a.href = url
    a.download = 'crowsfoot.config.json'
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(configFileText(config))
      appStore.getState().notify({ tone: 'success', message: 'Copied the rule configuration (crowsfoot.config.json).' })
    } catch {
      appStore.getState().notify({ tone: 'error', message: 'The browser did not allow copying; use Download instead.' })
    }
  }

  if (view === 'import') {
    return <ConfigImport onBack={() => setView('rules')} onClose={onClose} />
  }

  return (
    <Dialog
      title="Rules"
      description="What Crowsfoot checks in this design. Changes apply at once, can be undone, and are saved with the design."
      size="xl"
      onClose={onClose}
      className="cf-rules-dialog"
      footer={
        <>
          <span className="cf-rules__summary">
            {changed === 0 ? `Every rule as the ${presetLabels[preset].toLowerCase()} preset sets it` : `${changed} rule${changed === 1 ? '' : 's'} changed from the preset`}
          </span>
          <Button variant="ghost" icon={<RotateCcw size={14} aria-hidden />} disabled={changed === 0} onClick={() => setProblem(commit('Rules: reset all to the preset', resetToPreset(config)))}>
            Reset all
          </Button>
          <span className="cf-rules__footer-gap" />
          <Button variant="secondary" icon={<FileUp size={14} aria-hidden />} onClick={() => setView('import')}>
            Import config
          </Button>
          <Button variant="secondary" icon={<Copy size={14} aria-hidden />} onClick={() => void copy()}>
            Copy config
          </Button>
          <Button variant="secondary" icon={<FileDown size={14} aria-hidden />} onClick={download}>
            Download
          </Button>
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        </>
      }
    >
      {invalid.length > 0 ? (
        <div className="cf-rules__invalid" role="alert">
          <p>This design's rule configuration is not valid, so its checks cannot run:</p>
          <ul>
            {invalid.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
          <Button size="sm" variant="secondary" onClick={() => setProblem(commit('Rules: reset to the preset', { preset: presetNames.includes(preset) ? preset : 'recommended', rules: {} }))}>
            Reset to the preset
          </Button>
        </div>
      ) : null}
      <div className="cf-rules__top">
        <div className="cf-rules__preset">
          <span className="cf-field__label" aria-hidden="true">
            Preset
          </span>
          <SegmentedControl
            label="Preset"
            options={presetNames.map((p) => ({ value: p, label: presetLabels[p] }))}
            value={preset}
            onChange={(p) => setProblem(commit(`Rules: preset ${p}`, setPreset(config, p)))}
          />
          <span className="cf-rules__preset-text">{presets[preset].description}</span>
        </div>
        <div className="cf-rules__filters">
          <label className="cf-rules__search">
            <span className="cf-visually-hidden">Search rules</span>
            <input type="search" className="cf-input" placeholder="Search rules" value={query} onChange={(e) => setQuery(e.target.value)} spellCheck={false} autoComplete="off" />
          </label>
          <Checkbox label="Changed only" checked={changedOnly} onChange={(e) => setChangedOnly(e.target.checked)} />
        </div>
      </div>
      {problem ? (
        <p className="cf-field__error cf-rules__problem" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="cf-rules__columns">
        <RuleList rules={shown} config={config} selectedId={selectedId} onSelect={setSelectedId} onSeverity={setSeverity} />
        <section className="cf-rules__details" aria-label="Selected rule">
          <RuleDoc rule={selected} severity={state.severity}>
            <div className="cf-rules__controls">
              <div className="cf-rules__severity">
                <SegmentedControl
                  label={`Severity of ${selected.meta.id}`}
                  options={ruleSeverities.map((s) => ({ value: s, label: severityLabels[s] }))}
                  value={state.severity}
                  onChange={(s) => setSeverity(selected, s)}
                />
                {state.changed ? (
                  <Button size="sm" variant="ghost" icon={<RotateCcw size={13} aria-hidden />} onClick={() => setProblem(commit(`Rules: reset ${selected.meta.id}`, resetRule(config, selected)))}>
                    Reset to preset
                  </Button>
                ) : null}
              </div>
              <RuleOptionsBlock key={selected.meta.id} rule={selected} values={state.options} presetValues={state.presetOptions} onChange={setOption} />
            </div>
          </RuleDoc>
        </section>
      </div>
    </Dialog>
  )
}

function RuleOptionsBlock({ rule, values, presetValues, onChange }: {
  readonly rule: AnyRule
  readonly values: Readonly<Record<string, unknown>>
  readonly presetValues: Readonly<Record<string, unknown>>
  readonly onChange: (key: string, value: unknown) => string | undefined
}) {
  const specs = (rule.meta.options ?? {}) as Readonly<Record<string, OptionSpec>>
  if (Object.keys(specs).length === 0) return null
  return (
    <div className="cf-rules__options">
      <h4 className="cf-rule-doc__heading">Options</h4>
      <RuleOptions specs={specs} values={values} presetValues={presetValues} onChange={onChange} />
    </div>
  )
}
