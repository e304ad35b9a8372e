import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { backendConfigFromEnv } from './backendConfig.ts'
import { createDemoBackend } from './createDemoBackend.ts'
import { sandboxEndpoints } from './sandboxEndpoints.ts'

// Configured by environment (see backendConfigFromEnv), so `pnpm demo` and Playwright's webServer
// entries can each run their own instances.
const config = backendConfigFromEnv(process.env)
const backend = await createDemoBackend(config, sandboxEndpoints(config.sandboxOrigin))
const server = createServer(backend.listener)
await new Promise<void>((resolve, reject) => {
  server.once('error', reject)
  server.listen(config.port, '127.0.0.1', resolve)
})
const { port } = server.address() as AddressInfo
console.log(
  `demo backend ${config.instanceName}: http://127.0.0.1:${port} serves ${config.appOrigin}/bff, /pay/bff and /providers; ` +
    `sessions in ${backend.sessionStore === 'redis' ? 'Redis' : 'encrypted cookies'}; sandbox at ${config.sandboxOrigin}`,
)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close()
    server.closeAllConnections()
    backend.close().finally(() => process.exit(0))
  })
}
