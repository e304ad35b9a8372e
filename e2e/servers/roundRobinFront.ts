// An app origin whose backend runs as several instances, as behind a load balancer without session
// affinity: requests below the backend's prefixes go to the instances in turn; everything else
// (the SPA) comes from the demo's preview server. One browser reaches every instance through it.
// Env: FRONT_PORT, FRONT_SPA_ORIGIN, FRONT_BACKENDS (comma-separated origins).
import { createServer, request } from 'node:http'

const port = Number(process.env.FRONT_PORT)
const spa = new URL(process.env.FRONT_SPA_ORIGIN ?? '')
const backends = (process.env.FRONT_BACKENDS ?? '').split(',').map((origin) => new URL(origin))
const backendPrefixes = ['/bff/', '/pay/bff/', '/providers/']
let turn = 0

createServer((req, res) => {
  const path = req.url ?? '/'
  const toBackend = backendPrefixes.some((prefix) => path.startsWith(prefix))
  const target = (toBackend ? backends[turn++ % backends.length] : undefined) ?? spa
  const upstream = request(
    { host: target.hostname, port: target.port, method: req.method, path, headers: req.headers },
    (answer) => {
      // Raw headers keep each Set-Cookie line as it was.
      res.writeHead(answer.statusCode ?? 502, answer.rawHeaders)
      answer.pipe(res)
    },
  )
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502)
    res.end()
  })
  req.pipe(upstream)
}).listen(port, '127.0.0.1', () => {
  console.log(`front: ${spa.protocol}//127.0.0.1:${port} -> SPA ${spa.origin}, backends ${backends.join(', ')}`)
})
