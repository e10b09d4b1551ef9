import { defineDiffRule, docsPath } from './define-rule.ts'
import { changeTarget, stepOf } from './utils/migration.ts'

/**
 * PostgreSQL cannot remove or reorder an enum's labels. The plan swaps the type: the old one steps
 * aside, a new one is created, every column of it (arrays too) is converted with its default
 * dropped and set again, and the old type is dropped. Each conversion rewrites its table, and rows
 * that hold a removed label fail the conversion unless a replacement label is given. Views and
 * functions outside the design that use the type block the swap.
 */
export default defineDiffRule({
  meta: {
    id: 'enum-value-removed',
    category: 'migration',
    scope: 'diff',
    severity: 'error',
    description: 'An enum label is removed or the labels are reordered: the type is swapped and its columns rewritten.',
    messages: {
      removed: 'Label "{{value}}" of enum "{{enum}}" is removed: the type is replaced and {{columns}} rewritten; rows holding "{{value}}" make it fail unless {{change}} gives a replacement.',
      reordered: 'The labels of enum "{{enum}}" are reordered: the type is replaced and {{columns}} rewritten under ACCESS EXCLUSIVE.',
    },
    docs: docsPath('enum-value-removed'),
  },
  check(diff, ctx) {
    const columnsOf = (enumId: string) => {
      const n = diff.after.tables.reduce((k, t) => k + t.columns.filter((c) => c.type.kind === 'enum' && c.type.enumId === enumId).length, 0)
      return n === 0 ? 'no column' : n === 1 ? '1 column' : `${n} columns`
    }
    for (const c of diff.changes) {
      if (c.kind !== 'enumValueRemoved' && c.kind !== 'enumValuesReordered') continue
      const step = stepOf(diff, c.id)
      const at = { changeId: c.id, ...(step ? { stepId: step.id } : {}) }
      if (c.kind === 'enumValueRemoved') {
        const supplied = diff.plan.inputs.find((i) => i.changeId === c.id)?.supplied
        ctx.report({
          messageId: 'removed',
          target: changeTarget(diff, c),
          data: { value: c.value, enum: c.enum, columns: columnsOf(c.enumId), change: supplied === undefined ? c.id : `the replacement "${supplied}"` },
          ...at,
        })
      } else ctx.report({ messageId: 'reordered', target: changeTarget(diff, c), data: { enum: c.enum, columns: columnsOf(c.enumId) }, ...at })
    }
  },
})
