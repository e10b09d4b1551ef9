import { col, schema, table } from '../testing/build.ts'
import { ruleTester } from '../testing/rule-tester.ts'
import rule from './too-many-indexes.ts'

const cols = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((n) => [n, col('int')]))
const withIndexes = (n: number) => schema({ t: table({ id: col('bigint').primaryKey(), ...cols }, { indexes: Object.keys(cols).slice(0, n).map((c) => ({ keys: [c] })) }) })

ruleTester.run(rule, {
  valid: [withIndexes(9), { name: 'a higher limit', options: { max: 20 }, schema: withIndexes(10) }],
  invalid: [
    { name: 'ten indexes plus the primary key', schema: withIndexes(10), errors: [{ messageId: 'tooMany', target: { table: 't' }, message: '11 indexes' }] },
    { name: 'a lower limit', options: { max: 2 }, schema: withIndexes(2), errors: [{ messageId: 'tooMany', message: 'more than 2' }] },
  ],
})
