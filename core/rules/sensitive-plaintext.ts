import { defineRule, docsPath } from './define-rule.ts'
import { words } from './utils/naming.ts'

/**
 * Secrets stored as readable text leak with every backup and every `SELECT *`. A column named for
 * a secret (password, ssn, card_number, token, api_key...) needs a marker that it is hashed or
 * encrypted: in its name (`password_hash`, `encrypted_card_number`) or its comment ("bcrypt",
 * "encrypted"). S1's `sessions.token` has none.
 */
const phrases = [['password'], ['passwd'], ['ssn'], ['social', 'security'], ['card', 'number'], ['cc', 'number'], ['cvv'], ['cvc'], ['token'], ['secret'], ['api', 'key'], ['private', 'key'], ['pin', 'code']]
const lastWords = new Set(phrases.map((p) => p[p.length - 1]!))
const markers = ['hash', 'hashed', 'digest', 'encrypted', 'enc', 'cipher', 'ciphertext', 'bcrypt', 'argon2', 'scrypt', 'sha256', 'hmac', 'last4', 'last', 'masked', 'fingerprint']

export default defineRule({
  meta: {
    id: 'sensitive-plaintext',
    category: 'security',
    scope: 'model',
    severity: 'warning',
    granularity: 'table',
    description: 'A password, ssn, card_number or token column has no hashed or encrypted marker.',
    messages: { plaintext: '"{{table}}.{{column}}" looks like a secret stored in plain text; store a hash (e.g. "{{column}}_hash") or encrypt it, and say so in its name or comment.' },
    options: {
      commentMarkers: { type: 'string[]', default: ['hash', 'encrypt', 'bcrypt', 'argon', 'digest'], description: 'Comment text (case-insensitive) that says the value is protected.' },
    },
    docs: docsPath('sensitive-plaintext'),
  },
  checkTable(table, ctx) {
    for (const column of table.columns) {
      const t = column.type
      const textual = t.arrayDims === 0 && ((t.kind === 'builtin' && ['text', 'varchar', 'char', 'bytea'].includes(t.name)) || (t.kind === 'custom' && t.name === 'citext'))
      if (!textual) continue
      const w = words(column.name)
      if (!lastWords.has(w[w.length - 1] ?? '')) continue
      // The secret must end the name: `token_type` and `password_changed_at` describe, not hold, it.
      const secret = phrases.some((p) => p.length <= w.length && p.every((x, i) => w[w.length - p.length + i] === x))
      if (!secret || w.some((x) => markers.includes(x))) continue
      const comment = (column.comment ?? '').toLowerCase()
      if (ctx.options.commentMarkers.some((m) => comment.includes(m.toLowerCase()))) continue
      ctx.report({ messageId: 'plaintext', target: { table, column }, data: { table: table.name, column: column.name } })
    }
  },
})
