/**
 * The USING expression of a column's type change, with what it risks and what it needs: a swapped
 * enum's labels mapped (renamed ones to their new text, removed ones to the replacement the user
 * gives), a cast PostgreSQL applies by itself, or a suggested cast the user confirms or replaces.
 */
import type { Column, Table } from '../../model/schema.ts'
import { checkSqlFragment } from '../../sql/expression.ts'
import { typeRef } from '../../sql/defs.ts'
import type { TypeRef, UsingExpr } from '../../sql/ddl.ts'
import { printUsing } from '../../sql/print-postgres.ts'
import { classifyTypeChange } from './casts.ts'
import type { PlanContext } from './context.ts'
import type { Hazard, InputRequest } from './types.ts'

/** The USING expression of a type change, with what it risks and what it needs. */
export function conversion(ctx: PlanContext, t: Table, ca: Column, cb: Column, changeId: string | undefined) {
  const to = typeRef(ctx.b, cb)
  const hazards: Hazard[] = []
  let needsInput: InputRequest | undefined
  let using: UsingExpr | undefined
  let reversible = true
  const where = `"${t.name}.${cb.name}"`
  const swapped = ca.type.kind === 'enum' && cb.type.kind === 'enum' && ca.type.enumId === cb.type.enumId && ctx.swappedEnums.has(cb.type.enumId)
  if (swapped) {
    const ea = ctx.ia.enums.get(ca.type.enumId as never)!
    const eb = ctx.ib.enums.get(ca.type.enumId as never)!
    const map: Array<readonly [string, string]> = []
    for (const v of ea.values) {
      const now = eb.values.find((x) => x.id === v.id)
      if (now && now.name !== v.name) map.push([v.name, now.name])
      if (now) continue
      const id = `enumValueRemoved:${v.id}`
      const request = ctx.request({ changeId: id, kind: 'enum-replacement', prompt: `A label of "${eb.name}" for the rows that hold "${v.name}", which is removed.` })
      const label = ctx.supplied(id)
      if (label !== undefined && !eb.values.some((x) => x.name === label)) {
        ctx.diagnostics.push({ code: 'invalid-input', severity: 'error', message: `"${label}" given for ${id} is not a label of "${eb.name}" (${eb.values.map((x) => x.name).join(', ')}).` })
      }
      if (label !== undefined && eb.values.some((x) => x.name === label)) {
        map.push([v.name, label])
        hazards.push({ kind: 'data-loss', message: `Rows of ${where} that hold "${v.name}" get "${label}".` })
        reversible = false
      } else {
        needsInput ??= request
        hazards.push({ kind: 'may-fail', message: `Rows of ${where} that hold "${v.name}" make this fail; give a replacement label for ${id}.` })
      }
    }
    using = { kind: 'enumMap', column: cb.name, map, to }
    hazards.unshift({ kind: 'rewrite', message: `${where} is converted to the new type: "${t.name}" is rewritten under ACCESS EXCLUSIVE.` })
    return { using, hazards, needsInput, reversible }
  }
  const info = classifyTypeChange(ca.type, cb.type)
  if (!info.noRewrite || ca.collation !== cb.collation)
    hazards.push({
      kind: info.noRewrite ? 'long-lock' : 'rewrite',
      message: info.noRewrite
        ? `The indexes on ${where} are rebuilt under ACCESS EXCLUSIVE.`
        : `"${t.name}" is rewritten under ACCESS EXCLUSIVE${info.noRewriteIfUtc ? ' (not when the session TimeZone is UTC)' : ''}, with its indexes.`,
    })
  if (info.risk) {
    const fails = /fail/.test(info.risk)
    hazards.push({ kind: fails ? 'may-fail' : 'data-loss', message: `${where}: ${info.risk}.` })
    if (!fails) reversible = false
  }
  const supplied = changeId ? ctx.supplied(changeId) : undefined
  if (supplied !== undefined) {
    const problem = checkSqlFragment(supplied)
    if (problem) ctx.diagnostics.push({ code: 'invalid-input', severity: 'error', message: `The USING expression given for ${changeId} is not valid SQL: ${problem}` })
    else using = { kind: 'sql', sql: supplied }
  }
  if (!info.assignment && changeId) {
    const stringTypes = ['text', 'varchar', 'char']
    const fromString = ca.type.kind === 'builtin' && stringTypes.includes(ca.type.name) && ca.type.arrayDims === 0
    const viaText: TypeRef[] = ca.type.kind === 'enum' || (cb.type.kind === 'enum' && !fromString) ? [{ kind: 'builtin', text: 'text', arrayDims: ca.type.arrayDims }] : []
    const cast: UsingExpr = { kind: 'cast', column: cb.name, via: viaText, to }
    needsInput = ctx.request({ changeId, kind: 'using', prompt: `A USING expression that turns the values of ${where} into ${cb.type.kind === 'enum' ? 'labels of the enum' : 'the new type'}.`, suggestion: printUsing(cast) })
    if (!using) {
      using = cast
      hazards.push({ kind: 'needs-value', message: `No cast applies by itself; the plan uses ${printUsing(cast)}. Confirm or replace it (input ${changeId}).` })
    }
  }
  return { using, hazards, needsInput, reversible }
}
