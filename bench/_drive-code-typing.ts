import os from 'node:os'
import { chromium } from 'playwright-core'
import run from './web/code-typing.ts'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] })
const cpu0 = process.cpuUsage(); const t0 = performance.now()
try { console.log(JSON.stringify(await run({ baseURL: 'http://127.0.0.1:5203', browser }), null, 1)) } finally { await browser.close() }
const cpu = process.cpuUsage(cpu0); console.log('wall', Math.round(performance.now() - t0), 'ms; node cpu', Math.round((cpu.user + cpu.system) / 1000), 'ms; load', os.loadavg().map((x) => x.toFixed(1)).join(' '))
