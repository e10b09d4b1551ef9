/** Enum edits the enum view and its value list share. */
import type { EnumType, EnumValueId } from '@core'
import { addEnumValue, freshName, randomIds } from '@core'
import { editOrNotify } from '../edit.ts'

const ids = randomIds()

/** A new value after `index` (last when omitted), named `value`, `value_2`...; returns its id. */
export function addValueAfter(e: EnumType, index?: number): EnumValueId | undefined {
  const id = ids.next('enumValue')
  const name = freshName('value', e.values.map((v) => v.name))
  const at = index === undefined ? e.values.length : index + 1
  return editOrNotify('Add enum value', (s) => addEnumValue(s, e.id, { id, name }, at)).ok ? id : undefined
}
