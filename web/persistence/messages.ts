/** Problems as people read them: where (file, line, column) first, then what. */
import type { Diagnostic, SourceLocation } from '@core'

export function formatLocation(location: SourceLocation | undefined, fileName?: string): string {
  if (!location) return fileName ?? ''
  const at = `line ${location.line}, column ${location.column}`
  return fileName ? `${fileName}, ${at}` : at
}

/** The first error (or, failing that, the first message) of a failed read, with its position. */
export function describeProblem(diagnostics: readonly Diagnostic[], fileName?: string): string {
  const d = diagnostics.find((x) => x.severity === 'error') ?? diagnostics[0]
  if (!d) return 'the content could not be read.'
  const where = formatLocation(d.location, fileName)
  const path = d.location?.path ? ` (${d.location.path})` : ''
  return where ? `${where}${path}: ${d.message}` : d.message
}
