/**
 * `crowsfoot <command>`: finds the command, parses its arguments and turns every failure into
 * the contract's exit codes (design.md): 0 done, 1 lint errors, 2 bad input with one line on
 * stderr. Nothing escapes as a stack trace.
 */
import { columnsOf, parseArgs } from './args.ts'
import { commands } from './commands/index.ts'
import { commandHelp, programHelp } from './help.ts'
import { processIo } from './io.ts'
import type { Io } from './io.ts'
import { argumentError, CliError } from './report.ts'

export async function main(args: readonly string[], io: Io = processIo()): Promise<number> {
  try {
    return await dispatch(args, io)
  } catch (e) {
    if (e instanceof CliError) {
      io.err(e.format())
      return 2
    }
    // A bug, not bad input; still one line, with the stack only on request.
    const detail = process.env.CROWSFOOT_DEBUG && e instanceof Error ? e.stack : String(e instanceof Error ? e.message : e)
    io.err(`crowsfoot: internal error: ${detail} (please report it; CROWSFOOT_DEBUG=1 shows where)`)
    return 2
  }
}

const names = commands.map((c) => c.name)

async function dispatch(args: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = args
  if (name === undefined) throw argumentError(1, `Say which command to run: ${names.join(', ')} (see crowsfoot --help).`)
  if (name === '-h' || name === '--help') {
    io.out(programHelp())
    return 0
  }
  if (name.startsWith('-')) throw argumentError(1, `Unknown option "${name}"; a command comes first: ${names.join(', ')}.`)
  const command = commands.find((c) => c.name === name)
  if (!command) throw argumentError(1, `Unknown command "${name}"; the commands are ${names.join(', ')}.`)

  const first = columnsOf(args)[1] ?? name.length + 2
  const parsed = parseArgs(rest, command.options, first, `crowsfoot ${name}`)
  if (parsed.help) {
    io.out(commandHelp(command))
    return 0
  }
  if (!command.run) throw argumentError(1, `"crowsfoot ${name}" is not available yet (see crowsfoot --help).`)
  const [missing] = command.positionals.slice(parsed.positionals.length)
  if (missing) throw argumentError(parsed.end, `"crowsfoot ${name}" needs <${missing}>: ${command.usage}`)
  const extra = parsed.positionals[command.positionals.length]
  if (extra) throw argumentError(extra.column, `Unexpected argument "${extra.value}": ${command.usage}`)
  return await command.run(parsed, io)
}
