/** The doc of a finding's rule, beside the problems list, with the ways to act on the rule. */
import { Filter, Settings2, X } from 'lucide-react'
import { rulesById } from '@core'
import { Button, IconButton } from '../../components/Button.tsx'
import { useApp } from '../../store/index.ts'
import { RuleDoc } from '../rules/RuleDoc.tsx'
import { ruleState } from '../rules/rule-config.ts'

interface RuleDocPaneProps {
  readonly ruleId: string
  readonly onClose: () => void
  readonly onOnlyThisRule: () => void
  readonly onConfigure: () => void
}

export function RuleDocPane({ ruleId, onClose, onOnlyThisRule, onConfigure }: RuleDocPaneProps) {
  const config = useApp((s) => s.document.lint)
  const rule = rulesById.get(ruleId)
  return (
    <aside className="cf-problems__doc" aria-label={`About the rule ${ruleId}`}>
      <div className="cf-problems__doc-close">
        <IconButton label="Close rule details" size="sm" onClick={onClose}>
          <X size={15} aria-hidden />
        </IconButton>
      </div>
      {rule ? (
        <RuleDoc
          rule={rule}
          severity={ruleState(config, rule).severity}
          actions={
            <>
              <Button size="sm" variant="secondary" icon={<Filter size={13} aria-hidden />} onClick={onOnlyThisRule}>
                Show only this rule
              </Button>
              <Button size="sm" variant="secondary" icon={<Settings2 size={13} aria-hidden />} onClick={onConfigure}>
                Configure rule
              </Button>
            </>
          }
        />
      ) : (
        <p className="cf-rule-doc__muted">"{ruleId}" is not a rule this version of Crowsfoot knows.</p>
      )}
    </aside>
  )
}
