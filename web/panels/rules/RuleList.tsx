/** Every rule by category: pick one to see its details, or set its severity right here. */
import { useEffect, useRef } from 'react'
import type { AnyRule, LintConfig, RuleSeverity } from '@core'
import { categoryName } from './RuleDoc.tsx'
import { ruleSeverities, ruleState, severityLabels as labels } from './rule-config.ts'

const categoryOrder = ['integrity', 'naming', 'types', 'indexing', 'relationships', 'normalization', 'security', 'documentation', 'migration']

interface RuleListProps {
  readonly rules: readonly AnyRule[]
  readonly config: LintConfig | undefined
  readonly selectedId: string
  readonly onSelect: (id: string) => void
  readonly onSeverity: (rule: AnyRule, severity: RuleSeverity) => void
}

export function RuleList({ rules, config, selectedId, onSelect, onSeverity }: RuleListProps) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    // Opened on a rule (from a finding): bring it into view once, after the dialog has opened
    // (its own effect runs after this one, and a closed dialog has no layout to scroll).
    const frame = requestAnimationFrame(() => ref.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'center' }))
    return () => cancelAnimationFrame(frame)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  if (rules.length === 0) {
    return (
      <div className="cf-rules__list">
        <p className="cf-rule-doc__muted cf-rules__none">No rules match.</p>
      </div>
    )
  }
  const categories = categoryOrder.filter((c) => rules.some((r) => r.meta.category === c))
  return (
    <div ref={ref} className="cf-rules__list">
      {categories.map((category) => (
        <section key={category} className="cf-rules__category" aria-labelledby={`cf-rules-${category}`}>
          <h3 id={`cf-rules-${category}`} className="cf-rules__category-name">
            {categoryName(category)}
          </h3>
          <ul className="cf-rules__items">
            {rules
              .filter((r) => r.meta.category === category)
              .map((rule) => {
                const id = rule.meta.id
                const state = ruleState(config, rule)
                return (
                  <li key={id} className="cf-rules__row" aria-current={id === selectedId ? 'true' : undefined}>
                    <button type="button" className="cf-rules__pick" onClick={() => onSelect(id)}>
                      <span className="cf-rules__id">
                        {id}
                        {state.changed ? <span className="cf-rules__changed">changed</span> : null}
                      </span>
                      <span className="cf-rules__description">{rule.meta.description.replace(/`/g, '')}</span>
                    </button>
                    <select
                      className={`cf-rules__level cf-rules__level--${state.severity}`}
                      aria-label={`Severity of ${id}`}
                      value={state.severity}
                      onChange={(e) => onSeverity(rule, e.target.value as RuleSeverity)}
                    >
                      {ruleSeverities.map((s) => (
                        <option key={s} value={s}>
                          {labels[s]}
                        </option>
                      ))}
                    </select>
                  </li>
                )
              })}
          </ul>
        </section>
      ))}
    </div>
  )
}
