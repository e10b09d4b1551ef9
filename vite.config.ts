import { createReadStream, readFileSync, realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, searchForWorkspaceRoot, type Plugin } from 'vite'

/**
 * libpg-query fetches `libpg-query.wasm` at run time (from the site root on the main thread, from
 * beside its script in a worker), and Vite does not emit it on its own: serve it in development
 * and emit it into the build, so the app never reaches for another host.
 */
function libpgQueryWasm(): Plugin {
  const file = fileURLToPath(new URL('./node_modules/libpg-query/wasm/libpg-query.wasm', import.meta.url))
  return {
    name: 'crowsfoot:libpg-query-wasm',
    configureServer(server) {
      // In a worker it is fetched next to the worker's script (web/worker/), not from the root.
      server.middlewares.use((req, res, next) => {
        if (!req.url?.split('?')[0]!.endsWith('/libpg-query.wasm')) return next()
        res.setHeader('Content-Type', 'application/wasm')
        createReadStream(file).pipe(res)
      })
    },
    generateBundle() {
      const source = readFileSync(file)
      this.emitFile({ type: 'asset', fileName: 'libpg-query.wasm', source })
      // Worker chunks live in assets/, and the worker looks beside its own script.
      this.emitFile({ type: 'asset', fileName: 'assets/libpg-query.wasm', source })
    },
  }
}

export default defineConfig({
  plugins: [react(), libpgQueryWasm()],
  // Per checkout, not in node_modules: worktrees share one node_modules, and two dev servers
  // re-bundling the same cache break each other's pages (504 "Outdated Optimize Dep").
  cacheDir: '.vite',
  server: {
    // A worktree may link node_modules from another checkout: fonts and WASM are served from there.
    fs: { allow: [searchForWorkspaceRoot(process.cwd()), realpathSync(fileURLToPath(new URL('./node_modules', import.meta.url)))] },
  },
  resolve: {
    // The web app reaches the core only through its public API.
    alias: { '@core': fileURLToPath(new URL('./core/index.ts', import.meta.url)) },
  },
  optimizeDeps: {
    // PGlite loads its WASM and data files relative to its own module; pre-bundling breaks that.
    exclude: ['@electric-sql/pglite'],
    // Imported on first use inside the core worker, where the dependency scan does not look: found
    // late, they would be bundled mid-session and the first import would fail to load them.
    include: [
      'libpg-query',
      '@dbml/core',
      // The code panel is loaded on first open: found then, Monaco would be bundled mid-session and
      // the page reloaded under the person (and under the browser tests).
      '@dbml/parse',
      'monaco-editor/editor/editor.api',
      'monaco-editor/features/register.all',
      'monaco-editor/languages/definitions/pgsql/register',
      'monaco-editor/languages/definitions/typescript/register',
      'monaco-editor/languages/definitions/markdown/register',
      'monaco-editor/languages/definitions/javascript/register',
      // Auto layout loads ELK on first use, in the core worker.
      'elkjs/lib/elk.bundled.js',
    ],
  },
  // Module workers keep their dynamic imports as chunks: the core worker then loads @dbml/core
  // (15 MB) on the first DBML import, not on every start.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
})
