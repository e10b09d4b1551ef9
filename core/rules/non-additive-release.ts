import type { Change } from '../diff/changes.ts'
import { defineDiffRule, docsPath } from './define-rule.ts'
import { changeTarget, stepOf } from './utils/migration.ts'

/**
 * Clients deployed before the migration still run while it applies, and clients deployed after
 * must work with the new schema: a release that only adds (expand) works with both. Removing,
 * renaming or narrowing (contract) belongs in a later release, once no old client runs. One
 * migration that does both to the same table or enum forces a lockstep deploy.
 */
const expands = new Set<Change['kind']>(['columnAdded', 'constraintAdded', 'indexAdded', 'enumValueAdded'])
const contracts = new Set<Change['kind']>([
  'columnRemoved', 'columnRenamed', 'columnRetyped', 'constraintRemoved', 'indexRemoved', 'tableRenamed', 'tableMoved',
  'enumValueRemoved', 'enumValueRenamed', 'enumValuesReordered',
])

export default defineDiffRule({
  meta: {
    id: 'non-additive-release',
    category: 'migration',
    scope: 'diff',
    severity: 'info',
    description: 'One migration both expands and contracts the same table or enum.',
    messages: {
      mixed: '"{{object}}" is both expanded ({{expand}}) and contracted ({{contract}}) in one migration; ship the additions first and the removals in a later release, so old and new clients both keep working.',
    },
    docs: docsPath('non-additive-release'),
  },
  check(diff, ctx) {
    const groups = new Map<string, { name: string; expand: Change[]; contract: Change[] }>()
    for (const c of diff.changes) {
      const key = 'tableId' in c ? c.tableId : 'enumId' in c ? c.enumId : undefined
      if (!key || (!expands.has(c.kind) && !contracts.has(c.kind))) continue
      const name = 'table' in c ? c.table : 'enum' in c ? c.enum : key
      let g = groups.get(key)
      if (!g) groups.set(key, (g = { name, expand: [], contract: [] }))
      ;(expands.has(c.kind) ? g.expand : g.contract).push(c)
    }
    const words = (cs: Change[]) => [...new Set(cs.map((c) => c.kind.replace(/([A-Z])/g, ' $1').toLowerCase()))].join(', ')
    for (const g of groups.values()) {
      if (g.expand.length === 0 || g.contract.length === 0) continue
      const first = g.contract[0]!
      const step = stepOf(diff, first.id)
      ctx.report({ messageId: 'mixed', target: changeTarget(diff, first), data: { object: g.name, expand: words(g.expand), contract: words(g.contract) }, changeId: first.id, ...(step ? { stepId: step.id } : {}) })
    }
  },
})
