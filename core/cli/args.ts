/**
 * A small, strict argument parser: unknown options, missing values and repeated options are
 * errors with the column where they occur, never silently ignored.
 */
import { argumentError } from './report.ts'

export interface OptionSpec {
  /** The key the command reads, e.g. `out` for `-o`. */
  readonly key: string
  readonly flags: readonly string[]
  /** The value's placeholder in help (`<target>`); absent for a switch such as `--down`. */
  readonly value?: string
  readonly help: string
}

/** An argument as typed, with its column in the command line (for error messages). */
export interface Arg {
  readonly value: string
  readonly column: number
}

export interface ParsedArgs {
  readonly positionals: readonly Arg[]
  readonly options: ReadonlyMap<string, Arg>
  readonly help: boolean
  /** The column just past the last argument, where a missing one would go. */
  readonly end: number
}

export const helpOption: OptionSpec = { key: 'help', flags: ['-h', '--help'], help: 'show this help' }

/** Columns of each argument when they are joined by single spaces, 1-based. */
export function columnsOf(args: readonly string[]): number[] {
  let column = 1
  return args.map((a) => {
    const at = column
    column += a.length + 1
    return at
  })
}

/** Parses `args`, which start at column `first` of the whole command line. */
export function parseArgs(args: readonly string[], specs: readonly OptionSpec[], first = 1, command = ''): ParsedArgs {
  const columns = columnsOf(args).map((c) => c + first - 1)
  const all = [...specs, helpOption]
  const positionals: Arg[] = []
  const options = new Map<string, Arg>()
  let help = false
  let onlyPositionals = false
  for (let i = 0; i < args.length; i++) {
    const raw = args[i]!
    const column = columns[i]!
    if (onlyPositionals || raw === '-' || !raw.startsWith('-')) {
      positionals.push({ value: raw, column })
      continue
    }
    if (raw === '--') {
      onlyPositionals = true
      continue
    }
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1
    const flag = eq < 0 ? raw : raw.slice(0, eq)
    const spec = all.find((s) => s.flags.includes(flag))
    if (!spec) throw argumentError(column, `Unknown option "${flag}"${command ? ` for "${command}"` : ''}.`)
    if (spec === helpOption) {
      help = true
      continue
    }
    if (options.has(spec.key)) throw argumentError(column, `The option "${flag}" is given twice.`)
    if (!spec.value) {
      if (eq >= 0) throw argumentError(column, `The option "${flag}" takes no value.`)
      options.set(spec.key, { value: 'true', column })
    } else if (eq >= 0) {
      options.set(spec.key, { value: raw.slice(eq + 1), column: column + eq + 1 })
    } else {
      const next = args[i + 1]
      if (next === undefined) throw argumentError(column, `The option "${flag}" needs a value: ${flag} ${spec.value}.`)
      options.set(spec.key, { value: next, column: columns[++i]! })
    }
  }
  const last = args.length - 1
  const end = last < 0 ? first : columns[last]! + args[last]!.length + 1
  return { positionals, options, help, end }
}
