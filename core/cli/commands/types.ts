import type { OptionSpec, ParsedArgs } from '../args.ts'
import type { Io } from '../io.ts'

export interface Command {
  readonly name: string
  /** The usage line, exactly as design.md's CLI contract gives it. */
  readonly usage: string
  readonly summary: string
  /** Names of the positional arguments, in order; all required. */
  readonly positionals: readonly string[]
  readonly options: readonly OptionSpec[]
  /** Paragraphs printed after the options in `--help`. */
  readonly notes?: readonly string[]
  /**
   * Runs after the arity check (`positionals` has one entry per declared name) and returns the
   * exit code. Absent while the command is not implemented yet: its help still works.
   */
  readonly run?: (args: ParsedArgs, io: Io) => number | Promise<number>
}
