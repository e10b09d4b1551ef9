// `npm test`: type-check, unit and integration tests (Vitest), browser tests (Playwright in
// Chromium). Ends with one plain line "N passed, N failed[, N skipped]" and fails if anything did.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { findChromium } from './find-chromium.mjs'

const results = { passed: 0, failed: 0, skipped: 0 }
const failures = []
mkdirSync('test-results', { recursive: true })

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return r.status ?? 1
}

for (const [label, project] of [['type-check (app, tests, tools)', 'tsconfig.json'], ['type-check (core, no DOM)', 'core/tsconfig.json']]) {
  if (run(label, 'npx', ['tsc', '-p', project, '--noEmit']) === 0) results.passed++
  else (results.failed++, failures.push(label))
}

const vitestJson = 'test-results/vitest.json'
rmSync(vitestJson, { force: true })
const vitestStatus = run('unit and integration tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`])
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'))
  results.passed += v.numPassedTests
  results.failed += v.numFailedTests
  results.skipped += v.numPendingTests + v.numTodoTests
  if (v.numFailedTests > 0 || vitestStatus !== 0) failures.push('vitest')
  if (vitestStatus !== 0 && v.numFailedTests === 0) results.failed++
} else {
  results.failed++
  failures.push('vitest (no report)')
}

let chromium
try {
  chromium = findChromium()
} catch (e) {
  console.error(`\n${e.message}`)
  results.failed++
  failures.push('browser tests (no Chromium)')
}
if (chromium) {
  const pwJson = 'test-results/playwright.json'
  rmSync(pwJson, { force: true })
  const status = run('browser tests', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    CHROMIUM_PATH: chromium,
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
  })
  if (existsSync(pwJson)) {
    const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats
    results.passed += s.expected + s.flaky
    results.failed += s.unexpected
    results.skipped += s.skipped
    if (s.unexpected > 0 || status !== 0) failures.push('playwright')
    if (status !== 0 && s.unexpected === 0) results.failed++
  } else {
    results.failed++
    failures.push('playwright (no report)')
  }
}

console.log('')
if (failures.length) console.log(`Failed: ${failures.join(', ')}`)
console.log(`${results.passed} passed, ${results.failed} failed${results.skipped ? `, ${results.skipped} skipped` : ''}`)
process.exit(results.failed > 0 ? 1 : 0)
