// Runs a TypeScript file with Node (`node bin/run-ts.js bench/run.ts`), compiled on load by tsx.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { register } from 'tsx/esm/api'

const file = process.argv[2]
if (!file) {
  console.error('usage: node bin/run-ts.js <file.ts> [args...]')
  process.exit(2)
}
// Drop this launcher from argv so the script sees its own arguments at argv[2], as if run directly.
process.argv.splice(1, 1)
register()
await import(pathToFileURL(resolve(file)).href)
