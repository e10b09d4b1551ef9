#!/usr/bin/env node
// The CLI runs the core's TypeScript as is: tsx compiles on load, so there is no build step.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../core/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
