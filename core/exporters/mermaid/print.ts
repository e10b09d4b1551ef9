/**
 * Prints a MermaidDiagram as `erDiagram` text. Every name and comment passes through
 * `mermaidText`, the one place that knows what Mermaid 11's lexer and preprocessor do to text
 * (its grammar lives in mermaid's `erDiagram.jison`; the traps are listed below).
 */
import { indent, render, sections } from '../print/lines.ts'
import type { MermaidAttribute, MermaidDiagram, MermaidEntity, MermaidRelationship } from './map.ts'

/** Mermaid's default `maxTextSize`: a longer diagram renders as an error message (GitHub included). */
export const mermaidMaxText = 50_000

/** A bare attribute word (the lexer's ATTRIBUTE_WORD); read in non-unicode mode, as Mermaid does. */
const attributeWord = /^[*A-Za-z_\u00C0-\uFFFF][A-Za-z0-9\-_[\]().,\u00C0-\uFFFF*]*$/
const notInAttributeWord = /[^A-Za-z0-9\-_[\]().,\u00C0-\uFFFF*]+/g
/** `PK`, `FK`, `UK` are keys wherever a word starts with them and a word boundary follows. */
const keyLike = /^(pk|fk|uk)\b/i

/**
 * Words the lexer turns into keywords when they stand alone as an entity name (`end`, `one`,
 * `many`, `to`, `class`, ...), so they cannot be entity ids.
 */
const reserved = new Set([
  'erdiagram', 'style', 'classdef', 'class', 'subgraph', 'end', 'one', 'many', 'only', 'zero', 'to',
  'optionally', 'u', 'o', 'direction', 'acctitle', 'accdescr', 'title', 'pk', 'fk', 'uk',
])

export function isMermaidReserved(word: string): boolean {
  return reserved.has(word.toLowerCase())
}

/**
 * A column type as one bare attribute word: `varchar(255)`, `numeric(10,2)` and `text[]` are
 * words already; spaces and other characters become `_` (`double precision` -> `double_precision`).
 */
export function mermaidTypeWord(type: string): string {
  const word = type.replace(notInAttributeWord, '_')
  return attributeWord.test(word) ? word : `_${word}`
}

/**
 * Text inside quotes, backticks or entity labels, made inert. Mermaid decodes `#name;` and `#123;`
 * entity codes when it renders, so characters its lexer or preprocessor would act on are written
 * as codes: quotes (end the token), `%` (`%%{` starts a directive), `\`, backticks, `~` (two on
 * a line make one generic-type word of everything between), `<` and `>` (its HTML clean-up),
 * control characters, and a `#` that would itself read as a code. Two line
 * rules of its preprocessor are defused too: a colon followed by `#` on a line starting with
 * `style` loses the line's last `;`, and `direction tb|bt|rl|lr` anywhere on a line turns the
 * whole line into a direction statement.
 */
export function mermaidText(text: string): string {
  let out = text.replace(/#(?=\w+;)|["%\\`~<>\x00-\x1f\x7f]/g, (c) => (c === '"' ? '#quot;' : c === '<' ? '#lt;' : c === '>' ? '#gt;' : code(c)))
  if (/:\S*#/.test(out)) out = out.replaceAll(':', '#58;')
  return out.replace(/(direction)(\s+)(?=(tb|bt|rl|lr))/gi, (_, word: string, space: string) => word + [...space].map(code).join(''))
}

const code = (c: string) => `#${c.charCodeAt(0)};`

/** An attribute name or type: bare when the lexer reads it back unchanged, else in backticks. */
function attributeToken(word: string): string {
  return attributeWord.test(word) && !keyLike.test(word) ? word : `\`${mermaidText(word)}\``
}

function printAttribute(a: MermaidAttribute): string {
  const parts = [attributeToken(a.type), attributeToken(a.name)]
  if (a.keys.length) parts.push(a.keys.join(', '))
  if (a.comment !== undefined) parts.push(`"${mermaidText(a.comment)}"`)
  return parts.join(' ')
}

function printEntity(e: MermaidEntity): string[] {
  // An entity label is the lexer's ENTITY_NAME, which must not be empty.
  const head = e.label ? `${e.id}["${mermaidText(e.label)}"]` : e.id
  return e.attributes.length ? [`${head} {`, ...indent(e.attributes.map(printAttribute)), '}'] : [head]
}

function printRelationship(r: MermaidRelationship): string {
  const line = r.identifying ? '--' : '..'
  return `${r.parent} ${r.parentEnd}${line}${r.childEnd} ${r.child} : "${mermaidText(r.label)}"`
}

export function printMermaid(diagram: MermaidDiagram): string {
  // An entity with attributes is a block of its own; entities without share one block of lines.
  const groups: string[][] = []
  for (const e of diagram.entities) {
    const lines = printEntity(e)
    const last = groups[groups.length - 1]
    if (lines.length === 1 && last?.length && !last[last.length - 1]!.endsWith('}')) last.push(...lines)
    else groups.push(lines)
  }
  return render(['erDiagram', ...indent(sections([...groups, diagram.relationships.map(printRelationship)]))])
}
