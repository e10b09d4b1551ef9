/**
 * English singular/plural for table names (`categories` <-> `category`), enough for naming FK
 * columns and for the naming rules. Only the last word of a snake_case name is inflected.
 */
const irregular: Record<string, string> = {
  people: 'person',
  men: 'man',
  women: 'woman',
  children: 'child',
  mice: 'mouse',
  geese: 'goose',
  data: 'datum',
  criteria: 'criterion',
  indices: 'index',
}
const uncountable = new Set(['news', 'series', 'species', 'information', 'equipment', 'metadata', 'settings', 'media', 'sheep', 'fish'])
const irregularPlural = Object.fromEntries(Object.entries(irregular).map(([p, s]) => [s, p]))

function splitLast(name: string): [string, string] {
  const i = name.lastIndexOf('_')
  return i < 0 ? ['', name] : [name.slice(0, i + 1), name.slice(i + 1)]
}

function matchCase(word: string, out: string): string {
  return word === word.toUpperCase() && word !== word.toLowerCase() ? out.toUpperCase() : out
}

export function singularize(name: string): string {
  const [head, word] = splitLast(name)
  const w = word.toLowerCase()
  let out: string
  if (uncountable.has(w)) out = w
  else if (Object.hasOwn(irregular, w)) out = irregular[w]!
  else if (/[^aeiou]ies$/.test(w)) out = w.slice(0, -3) + 'y'
  else if (/(ss|sh|ch|x|z|us|ses)es$/.test(w) || /(statuses|addresses|buses|boxes)$/.test(w)) out = w.slice(0, -2)
  else if (/ss$|us$|is$/.test(w)) out = w
  else if (/s$/.test(w) && w.length > 1) out = w.slice(0, -1)
  else out = w
  return head + matchCase(word, word === w ? out : out.charAt(0).toUpperCase() + out.slice(1))
}

export function pluralize(name: string): string {
  const [head, word] = splitLast(name)
  const w = word.toLowerCase()
  let out: string
  if (uncountable.has(w)) out = w
  else if (Object.hasOwn(irregularPlural, w)) out = irregularPlural[w]!
  else if (/[^aeiou]y$/.test(w)) out = w.slice(0, -1) + 'ies'
  else if (/(s|sh|ch|x|z)$/.test(w)) out = w + 'es'
  else out = w + 's'
  return head + matchCase(word, word === w ? out : out.charAt(0).toUpperCase() + out.slice(1))
}

export function isPlural(name: string): boolean {
  const [, word] = splitLast(name)
  const w = word.toLowerCase()
  return uncountable.has(w) || singularize(w) !== w
}
