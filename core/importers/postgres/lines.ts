import type { SourceLocation } from '../../diagnostics.ts'

/** Maps string indexes to 1-based lines and columns (columns count UTF-16 units, as editors do). */
export class LineIndex {
  private readonly starts: number[] = [0]
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1)
  }
  position(index: number): SourceLocation {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.starts[mid]! <= index) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: index - this.starts[lo]! + 1 }
  }
}
