import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@core': fileURLToPath(new URL('./core/index.ts', import.meta.url)) } },
  test: {
    include: ['core/**/*.test.ts', 'web/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // PGlite instances are heavy; two cores are all we have.
    maxWorkers: 2,
  },
})
