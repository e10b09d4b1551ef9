/**
 * The `test` every spec imports. It records every request the page makes and fails the test if
 * any leaves the app's own origin: the designer must work offline, with nothing from a CDN.
 * Foreign requests are also aborted, so a stray fetch fails fast instead of hanging.
 */
import { test as base, expect } from '@playwright/test'

const localHosts = new Set(['127.0.0.1', 'localhost', '[::1]'])
// Requests that never touch the network.
const inlineSchemes = new Set(['data:', 'blob:', 'about:', 'chrome-extension:'])

export function isLocal(url: string, appOrigin: string): boolean {
  const u = new URL(url)
  if (inlineSchemes.has(u.protocol)) return true
  const app = new URL(appOrigin)
  return localHosts.has(u.hostname) && u.port === app.port
}

export const test = base.extend<{ requests: string[] }>({
  requests: [
    async ({ context, baseURL }, use) => {
      const origin = baseURL ?? 'http://127.0.0.1'
      const requests: string[] = []
      context.on('request', (request) => {
        requests.push(request.url())
      })
      await context.route(
        (url) => !isLocal(url.href, origin),
        (route) => route.abort('blockedbyclient'),
      )
      await use(requests)
      const foreign = requests.filter((url) => !isLocal(url, origin))
      expect(foreign, 'requests to hosts other than the app itself').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }
