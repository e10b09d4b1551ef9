/**
 * What the CLI says on stderr. Bad input always ends in exactly one line, `file:line:col: message`,
 * so editors and CI logs can jump to it; arguments are reported against `<command-line>`.
 */
import type { Diagnostic } from '../index.ts'

/** The pseudo-file for mistakes in the arguments; columns count in the arguments after `crowsfoot`. */
export const commandLine = '<command-line>'

/** Bad input or arguments: exit code 2 and one line. Thrown, so any depth can give up cleanly. */
export class CliError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(message)
    this.name = 'CliError'
  }

  format(): string {
    return `${this.file}:${this.line}:${this.column}: ${oneLine(this.message)}`
  }
}

export function argumentError(column: number, message: string): CliError {
  return new CliError(commandLine, 1, column, message)
}

/** A finding that does not stop the command (an exporter's warning), one line on stderr. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.severity}: ${oneLine(d.message)} (${d.code})`
}

// A message that spans lines would break the one-line-per-finding contract.
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim()
}
