// Serves one library's test page on an origin of its own: the same HTML on every path (a SPA, so
// `/callback` too), with the page's configuration inline and its bundle at /page.js.
import { createServer } from 'node:http'
import type { PageConfig } from '../browser/benchApi.ts'

export interface PageServer {
  readonly origin: string
  close(): Promise<void>
}

export async function startPageServer(options: {
  readonly port: number
  readonly script: string
  readonly config: PageConfig
}): Promise<PageServer> {
  // `<` escaped, so no configuration value can close the inline script.
  const config = JSON.stringify(options.config).replaceAll('<', '\\u003c')
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>payauth bench</title>
<script>globalThis.benchConfig = ${config}</script>
<script type="module" src="/page.js"></script></head><body></body></html>`
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://page').pathname
    if (path === '/page.js') {
      // Cacheable like a deployed app's hashed asset: the callback page finds it in the HTTP cache,
      // as a real app's does when the user comes back from the login page.
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'public, max-age=3600' })
      res.end(options.script)
    } else if (path === '/favicon.ico') {
      res.writeHead(204).end()
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      res.end(html)
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', resolve)
  })
  return {
    origin: `http://127.0.0.1:${options.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
