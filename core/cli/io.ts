/** Where commands write. Passed in, so a command never touches `process` itself. */
import { writeFileSync } from 'node:fs'
import type { Arg } from './args.ts'
import { CliError } from './report.ts'

export interface Io {
  /** The command's result (DDL, a document), written as is. */
  out(text: string): void
  /** One line on stderr; the newline is added. */
  err(line: string): void
}

export function processIo(): Io {
  // `crowsfoot export ... | head` closes the pipe early: that is the reader's choice, not a crash.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    process.stderr.write(`<stdout>:1:1: Cannot write the output: ${e.message}\n`)
    process.exit(2)
  })
  return {
    out: (text) => void process.stdout.write(text),
    err: (line) => void process.stderr.write(line + '\n'),
  }
}

/** Writes to `-o <file>` when given, else to stdout. */
export function writeOutput(text: string, out: Arg | undefined, io: Io): void {
  if (!out) return io.out(text)
  try {
    writeFileSync(out.value, text)
  } catch (e) {
    throw new CliError(out.value, 1, 1, `Cannot write this file: ${fileProblem(e, 'write')}`)
  }
}

const reasons: Record<string, string> = {
  ENOENT: 'it does not exist.',
  EISDIR: 'it is a directory, not a file.',
  EACCES: 'permission denied.',
  EPERM: 'permission denied.',
  ENOTDIR: 'a part of the path is not a directory.',
  EROFS: 'the file system is read-only.',
}

/** A file-system error in words, without Node's `ENOENT: ..., open '...'` noise. */
export function fileProblem(e: unknown, verb: 'read' | 'write'): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code ?? ''
  if (verb === 'write' && code === 'ENOENT') return 'its directory does not exist.'
  return reasons[code] ?? (e instanceof Error ? e.message : String(e))
}
