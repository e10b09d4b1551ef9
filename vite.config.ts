import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The web app reaches the core only through its public API.
    alias: { '@core': fileURLToPath(new URL('./core/index.ts', import.meta.url)) },
  },
  optimizeDeps: {
    // PGlite loads its WASM and data files relative to its own module; pre-bundling breaks that.
    exclude: ['@electric-sql/pglite'],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
})
