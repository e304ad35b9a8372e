import { generateSessionKey } from '@payauth/server'

/** What the demo backend needs to know; `backendConfigFromEnv` reads it from the environment. */
export interface BackendConfig {
  /** Loopback TCP port; 0 picks a free one. */
  readonly port: number
  /**
   * The SPA's origin. The browser reaches the backend there, through the dev server's proxy, so
   * the BFFs' cookies are first-party and their redirect URIs are `{appOrigin}/bff/callback`.
   */
  readonly appOrigin: string
  /** The local sandbox that stands in for every provider, e.g. `http://127.0.0.1:9400`. */
  readonly sandboxOrigin: string
  /** The BFFs' session keys, newest first; instances that share Redis must share these. */
  readonly sessionKeys: readonly string[]
  /** With it, sessions live in Redis (several instances); without it, in encrypted cookies. */
  readonly redisUrl: string | undefined
  /** Sent as `x-demo-backend-instance` on every answer, to tell instances behind one origin apart. */
  readonly instanceName: string
}

/** The header that names the instance that answered. */
export const instanceHeader = 'x-demo-backend-instance'

/**
 * `BACKEND_PORT` (9401), `BACKEND_APP_ORIGIN` (`http://127.0.0.1:5173`), `BACKEND_SANDBOX_ORIGIN`
 * (`http://127.0.0.1:9400`), `BACKEND_SESSION_KEYS` (comma-separated; a fresh key per start when
 * unset, so a restart signs everyone out), `REDIS_URL`, `BACKEND_INSTANCE`.
 */
export function backendConfigFromEnv(env: NodeJS.ProcessEnv): BackendConfig {
  const sessionKeys = (env.BACKEND_SESSION_KEYS ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean)
  return {
    port: Number(env.BACKEND_PORT ?? 9401),
    appOrigin: new URL(env.BACKEND_APP_ORIGIN ?? 'http://127.0.0.1:5173').origin,
    sandboxOrigin: new URL(env.BACKEND_SANDBOX_ORIGIN ?? 'http://127.0.0.1:9400').origin,
    sessionKeys: sessionKeys.length > 0 ? sessionKeys : [generateSessionKey()],
    redisUrl: env.REDIS_URL || undefined,
    instanceName: env.BACKEND_INSTANCE ?? 'backend',
  }
}
