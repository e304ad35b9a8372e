import { randomBytes } from 'node:crypto'
import react from '@vitejs/plugin-react'
import { defineConfig, loadEnv, type ProxyOptions } from 'vite'
import { securityHeaders } from './securityHeaders.ts'

/**
 * The demo backend (apps/backend): its routes are served on the SPA's own origin, through this
 * proxy, so the BFFs' cookies are first-party and `SameSite=Strict` holds. Production puts the
 * same prefixes on the same reverse proxy.
 */
const backendUrl = process.env.PAYAUTH_BACKEND_URL ?? 'http://127.0.0.1:9401'
const backendPrefixes = ['/bff/', '/pay/bff/', '/providers/']
// The Host header stays the app's: the BFF builds its URLs from its configured origin anyway.
const backendProxy: Record<string, ProxyOptions> = Object.fromEntries(
  backendPrefixes.map((prefix) => [prefix, { target: backendUrl }]),
)

// No CORS: Vite would otherwise answer preflights from any localhost origin, on the backend's
// routes too; the app's origin grants nothing to other origins, as the BFF expects.
export default defineConfig(({ command, mode, isPreview }) => {
  // The env the app is built with, so the policy lets it reach exactly the APIs it calls.
  const env = loadEnv(mode, import.meta.dirname, 'VITE_')
  // The dev server's React refresh preamble is an inline script: Vite marks it, and the styles it
  // injects, with this nonce, new at each start. The build has no inline script and gets none.
  const devNonce = command === 'serve' && !isPreview ? randomBytes(18).toString('base64') : undefined
  return {
    plugins: [react()],
    html: { cspNonce: devNonce },
    server: {
      host: '127.0.0.1',
      port: 5173,
      strictPort: true,
      cors: false,
      proxy: backendProxy,
      headers: securityHeaders(env, devNonce),
    },
    preview: {
      host: '127.0.0.1',
      port: 5173,
      strictPort: true,
      cors: false,
      proxy: backendProxy,
      headers: securityHeaders(env),
    },
  }
})
