/**
 * The keyboard model of an editable row list (columns, enum values), pure so it is tested without
 * a browser. A row is either being typed in (`field`: its name or type input has the focus) or
 * focused as a whole (`row`: after Escape, or arrowed to), like a cell and its grid.
 *
 *   in a field   Enter next row (adds one after the last) · Shift+Enter previous row
 *                Escape leaves the field for its row · Alt+↑/↓ moves the row · Mod+D duplicates
 *   on a row     ↑/↓ Home/End move between rows · Enter or F2 edits · Space opens the details
 *                Delete removes · Alt+↑/↓ moves · Mod+D duplicates
 */
export interface RowKey {
  readonly key: string
  readonly shift: boolean
  readonly alt: boolean
  /** Ctrl, or Cmd on a Mac. */
  readonly mod: boolean
}

export type RowPlace = 'field' | 'row'

export type RowAction =
  | { readonly kind: 'focus-field'; readonly index: number }
  | { readonly kind: 'focus-row'; readonly index: number }
  | { readonly kind: 'add-after'; readonly index: number }
  | { readonly kind: 'move'; readonly index: number; readonly to: number }
  | { readonly kind: 'remove'; readonly index: number }
  | { readonly kind: 'duplicate'; readonly index: number }
  | { readonly kind: 'toggle-details'; readonly index: number }

export interface RowKeyOptions {
  /** Rows that can be duplicated (columns) or not (enum values). */
  readonly canDuplicate?: boolean
  readonly hasDetails?: boolean
}

/** What a key press means at `index` of `count` rows; undefined leaves the key to the browser. */
export function rowKeyAction(k: RowKey, place: RowPlace, index: number, count: number, options: RowKeyOptions = {}): RowAction | undefined {
  const last = count - 1
  if (k.alt && !k.mod && !k.shift && (k.key === 'ArrowUp' || k.key === 'ArrowDown')) {
    const to = k.key === 'ArrowUp' ? index - 1 : index + 1
    return to < 0 || to > last ? undefined : { kind: 'move', index, to }
  }
  if (k.mod && !k.alt && !k.shift && k.key.toLowerCase() === 'd') return options.canDuplicate ? { kind: 'duplicate', index } : undefined
  if (k.alt || k.mod) return undefined
  if (place === 'field') {
    if (k.key === 'Enter' && !k.shift) return index < last ? { kind: 'focus-field', index: index + 1 } : { kind: 'add-after', index }
    if (k.key === 'Enter' && k.shift) return index > 0 ? { kind: 'focus-field', index: index - 1 } : undefined
    if (k.key === 'Escape' && !k.shift) return { kind: 'focus-row', index }
    return undefined
  }
  if (k.shift) return undefined
  switch (k.key) {
    case 'ArrowDown':
      return index < last ? { kind: 'focus-row', index: index + 1 } : undefined
    case 'ArrowUp':
      return index > 0 ? { kind: 'focus-row', index: index - 1 } : undefined
    case 'Home':
      return count > 0 ? { kind: 'focus-row', index: 0 } : undefined
    case 'End':
      return count > 0 ? { kind: 'focus-row', index: last } : undefined
    case 'Enter':
    case 'F2':
      return { kind: 'focus-field', index }
    case ' ':
      return options.hasDetails ? { kind: 'toggle-details', index } : undefined
    case 'Delete':
    case 'Backspace':
      return { kind: 'remove', index }
    default:
      return undefined
  }
}

/** The position a dragged row lands at when dropped on the upper or lower half of row `over`. */
export function dropIndex(from: number, over: number, lowerHalf: boolean): number {
  const slot = lowerHalf ? over + 1 : over
  // Taking the row out first shifts every later slot up by one.
  return slot > from ? slot - 1 : slot
}
