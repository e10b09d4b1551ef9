/**
 * A statement's kind as people say it (`CREATE FUNCTION`, `ALTER TABLE`, `COMMENT ON VIEW`,
 * `GRANT`), read from its first words. This also names statements that are never parsed
 * (INSERT and COPY data) and statements the grammar rejects.
 */

const modifiers = new Set(['or', 'replace', 'temp', 'temporary', 'unlogged', 'global', 'local', 'trusted', 'procedural', 'recursive', 'if', 'not', 'exists', 'only', 'concurrently'])
const twoWordKinds = new Set([
  'materialized view',
  'event trigger',
  'foreign table',
  'foreign data',
  'text search',
  'operator class',
  'operator family',
  'access method',
  'user mapping',
  'default privileges',
  'constraint trigger',
  'unique index',
])

const blank = /(?:\s+|--[^\n]*|\/\*[\s\S]*?\*\/)+/y
const word = /[A-Za-z_][\w$]*/y

/** The first words of the statement, lower-cased, skipping blanks and comments. */
export function leadingWords(text: string, max = 6): string[] {
  const words: string[] = []
  let i = 0
  while (words.length < max) {
    blank.lastIndex = i
    if (blank.test(text)) i = blank.lastIndex
    word.lastIndex = i
    if (!word.test(text)) break
    words.push(text.slice(i, word.lastIndex).toLowerCase())
    i = word.lastIndex
  }
  return words
}

export function statementKind(text: string): string {
  const w = leadingWords(text)
  if (w.length === 0) return text.trimStart().startsWith('(') ? 'SELECT' : 'statement'
  const head = w[0]!
  if (head === 'comment' && w[1] === 'on') return ('comment on ' + kindAfter(w.slice(2))).toUpperCase()
  if (head === 'create' || head === 'alter' || head === 'drop') {
    let rest = w.slice(1)
    while (rest.length && modifiers.has(rest[0]!)) rest = rest.slice(1)
    if (rest[0] === 'unique' && rest[1] === 'index') rest = rest.slice(1)
    return `${head} ${kindAfter(rest)}`.trim().toUpperCase()
  }
  if (head === 'security' && w[1] === 'label') return 'SECURITY LABEL'
  if (head === 'refresh' && w[1] === 'materialized') return 'REFRESH MATERIALIZED VIEW'
  return commands.has(head) ? head.toUpperCase() : 'statement'
}

const commands = new Set(
  ('abort analyze begin call checkpoint close cluster commit copy deallocate declare delete discard do end execute explain fetch grant ' +
    'import insert listen load lock merge move notify prepare reassign refresh reindex release reset revoke rollback savepoint select ' +
    'set show start table truncate unlisten update vacuum values with').split(' '),
)

function kindAfter(rest: string[]): string {
  const two = rest.slice(0, 2).join(' ')
  if (twoWordKinds.has(two)) {
    if (two === 'text search' || two === 'foreign data') return rest.slice(0, 3).join(' ')
    return two
  }
  return rest[0] ?? ''
}

/** Statements that only carry data: never parsed, so a 50 MB dump of rows stays fast. */
export function isDataStatement(text: string): boolean {
  const head = leadingWords(text, 1)[0]
  return head === 'insert' || head === 'copy' || head === 'update' || head === 'delete' || head === 'merge' || head === 'values'
}
