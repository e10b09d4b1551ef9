/**
 * Presets. Each rule's own defaults (severity and options) are the seeds' majority, as the
 * conflict table at the end of rules.md section 1 decides it (money as DECIMAL(10,2), uuid keys,
 * `ck_` checks, ON DELETE SET NULL for optional relationships, soft delete where the design opts
 * in...), so `recommended` changes nothing. `strict` turns every rule on, raises the info-level
 * rules to warnings and applies the naming templates to unnamed keys and indexes too.
 */
import type { RuleSetting } from './config.ts'

export type PresetName = 'recommended' | 'strict'

export interface Preset {
  readonly description: string
  readonly rules: Readonly<Record<string, RuleSetting>>
}

export const presets: Readonly<Record<PresetName, Preset>> = {
  recommended: {
    description: "Every rule at its catalog severity, with the options most of the seeds agree on.",
    rules: {},
  },
  strict: {
    description: 'Every rule on; info-level rules become warnings; naming templates apply to unnamed keys and indexes; dropping a table, column or enum is an error (the production profile).',
    rules: {
      'constraint-name-convention': ['warning', { checkUnnamed: true }],
      'derived-column-unguarded': 'warning',
      // The production profile of rules.md: a drop is an error there.
      'destructive-drop': 'error',
      'enum-value-added': 'warning',
      'enum-vs-check-policy': 'warning',
      'fk-action-policy': 'warning',
      'index-name-convention': ['warning', { checkUnnamed: true }],
      'int-key-overflow': 'warning',
      'lock-timeouts': 'warning',
      'low-selectivity-index': 'warning',
      'non-additive-release': 'warning',
      'non-atomic-column': 'warning',
      'numeric-precision': 'warning',
      'prefer-identity': 'warning',
      'require-comments': 'warning',
      'semantic-type': 'warning',
      'soft-delete-consistency': 'warning',
      'tenant-rls': 'warning',
      'text-length-policy': 'warning',
      'transitive-dependency': 'warning',
      'updated-at-no-trigger': 'warning',
      'wide-index': 'warning',
    },
  },
}
