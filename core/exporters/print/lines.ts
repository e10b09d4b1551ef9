/**
 * Plain-text layout shared by the text exporters: they build lines, nest and align them here, and
 * never concatenate output by hand. Quoting is not done here: each target has its own literal and
 * identifier rules, kept next to its printer.
 */

/** Lines indented by one level (two spaces, the convention of every target we print). */
export function indent(lines: readonly string[], unit = '  '): string[] {
  return lines.map((l) => (l === '' ? '' : unit + l))
}

/** Groups of lines separated by one blank line; empty groups vanish. */
export function sections(groups: ReadonlyArray<readonly string[]>): string[] {
  const out: string[] = []
  for (const g of groups) {
    if (g.length === 0) continue
    if (out.length) out.push('')
    out.push(...g)
  }
  return out
}

/**
 * Rows padded into columns (as `prisma format` aligns fields): every cell but the last of its row is
 * padded to its column's widest cell plus one space. Trailing empty cells leave no trailing spaces.
 * Widths count UTF-16 code units, like the formatters we mirror.
 */
export function alignColumns(rows: ReadonlyArray<readonly string[]>): string[] {
  const widths: number[] = []
  const ends = rows.map(filledLength)
  rows.forEach((row, r) => {
    for (let i = 0; i < ends[r]!; i++) widths[i] = Math.max(widths[i] ?? 0, row[i]!.length)
  })
  return rows.map((row, r) => {
    const end = ends[r]!
    let line = ''
    for (let i = 0; i < end; i++) line += i < end - 1 ? row[i]!.padEnd(widths[i]!) + ' ' : row[i]!
    return line
  })
}

/** The row's length without its trailing empty cells. */
function filledLength(row: readonly string[]): number {
  let end = row.length
  while (end > 0 && row[end - 1] === '') end--
  return end
}

/** `a, b, c` wrapped in the given brackets: `[a, b]`, `(a, b)`. */
export function list(items: readonly string[], open = '[', close = ']'): string {
  return `${open}${items.join(', ')}${close}`
}

/** The final text: lines joined, with exactly one newline at the end. */
export function render(lines: readonly string[]): string {
  return lines.length ? lines.join('\n') + '\n' : ''
}
