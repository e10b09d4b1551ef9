// Finds a Chromium for the browser tests: CHROMIUM_PATH, then /usr/bin/chromium, then Playwright's
// own. As root on Debian it installs the distribution's package; otherwise it fails loudly. The
// browser tests are never skipped silently.
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean)
  for (const c of candidates) if (existsSync(c)) return c
  try {
    const own = require('playwright-core').chromium.executablePath()
    if (own && existsSync(own)) return own
  } catch {
    // Playwright's own browser is not installed; fall through.
  }
  const root = typeof process.getuid === 'function' && process.getuid() === 0
  if (root && existsSync('/etc/debian_version')) {
    console.log('Chromium not found: installing the Debian package "chromium"...')
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit', shell: '/bin/bash' })
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
  }
  throw new Error('No Chromium found for the browser tests. Set CHROMIUM_PATH, or install it (Debian: apt-get install chromium).')
}
