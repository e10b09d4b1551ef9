/**
 * Whether an expression is volatile, as PostgreSQL would classify it for `ADD COLUMN ... DEFAULT`:
 * a volatile default is evaluated once per existing row, which rewrites the table, while a stable
 * one (`now()`) is evaluated once and stored in the catalog. Functions we do not know count as
 * volatile: the safe guess is the one that warns.
 */
const nonVolatile = new Set([
  'now', 'current_timestamp', 'current_date', 'current_time', 'localtime', 'localtimestamp', 'statement_timestamp',
  'transaction_timestamp', 'current_user', 'session_user', 'current_role', 'current_schema', 'current_setting',
  'lower', 'upper', 'btrim', 'trim', 'ltrim', 'rtrim', 'length', 'substr', 'substring', 'concat', 'concat_ws', 'replace',
  'coalesce', 'nullif', 'greatest', 'least', 'abs', 'round', 'floor', 'ceil', 'ceiling', 'trunc', 'mod', 'power',
  'to_char', 'to_date', 'to_timestamp', 'to_number', 'date_trunc', 'date_part', 'extract', 'make_interval', 'make_date',
  'make_timestamp', 'make_timestamptz', 'age', 'timezone', 'json_build_object', 'jsonb_build_object', 'json_build_array',
  'jsonb_build_array', 'to_json', 'to_jsonb', 'array', 'row', 'cast', 'any', 'all', 'in', 'exists', 'md5', 'format',
  'int4', 'int8', 'int2', 'numeric', 'text', 'varchar', 'interval', 'timestamp', 'timestamptz', 'date', 'time', 'uuid',
  'array_length', 'cardinality', 'left', 'right', 'split_part', 'regexp_replace', 'char_length', 'octet_length', 'overlay',
  'position', 'strpos', 'initcap', 'lpad', 'rpad', 'repeat', 'reverse', 'sign', 'sqrt', 'exp', 'ln', 'log',
])

/** Function names called in `sql`, outside string literals and quoted identifiers, lower case. */
function calledFunctions(sql: string): string[] {
  const code = sql.replace(/'(?:[^']|'')*'/g, "''").replace(/"(?:[^"]|"")*"/g, '""')
  return [...code.matchAll(/([A-Za-z_][\w$]*)\s*\(/g)].map((m) => m[1]!.toLowerCase())
}

export function isVolatile(sql: string): boolean {
  // A quoted function name is one we cannot know.
  if (/""\s*\(/.test(sql.replace(/'(?:[^']|'')*'/g, "''").replace(/"(?:[^"]|"")*"/g, '""'))) return true
  return calledFunctions(sql).some((f) => !nonVolatile.has(f))
}
