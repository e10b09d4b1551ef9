/** `--help` text, built from the command table so that it cannot drift from what is parsed. */
import { helpOption } from './args.ts'
import type { OptionSpec } from './args.ts'
import { commands } from './commands/index.ts'
import type { Command } from './commands/index.ts'
import { commandLine } from './report.ts'

const notYet = ' (not available yet)'

export function programHelp(): string {
  return [
    'Crowsfoot: schema designs on the command line.',
    '',
    'Usage: crowsfoot <command> ...   (crowsfoot <command> --help for its options)',
    '',
    'Commands:',
    ...commands.flatMap((c) => [`  ${c.usage}`, `      ${c.summary}${c.run ? '' : notYet}`]),
    '',
    'Exit codes:',
    '  0  done',
    '  1  lint found an error',
    '  2  bad input or arguments; stderr has one line, file:line:col: message',
    `     (mistakes in the arguments are reported as ${commandLine}:1:col)`,
    '',
  ].join('\n')
}

export function commandHelp(c: Command): string {
  const options = [...c.options, helpOption]
  const labels = options.map(optionLabel)
  const width = Math.max(...labels.map((l) => l.length))
  return [
    `Usage: ${c.usage}`,
    '',
    c.summary + (c.run ? '' : notYet),
    '',
    'Options:',
    ...options.map((o, i) => `  ${labels[i]!.padEnd(width)}  ${o.help}`),
    ...(c.notes ?? []).flatMap((n) => ['', wrap(n, 100)]),
    '',
  ].join('\n')
}

function optionLabel(o: OptionSpec): string {
  return o.flags.join(', ') + (o.value ? ` ${o.value}` : '')
}

function wrap(text: string, width: number): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  return [...lines, line].join('\n')
}
