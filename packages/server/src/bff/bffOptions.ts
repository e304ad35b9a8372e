import type { ServerAuthError } from '../errors.ts'
import type { SessionStoreFactory } from '../sessions/sessionStore.ts'
import type { BffProvider } from './bffProvider.ts'

/**
 * `token-mediating`: the SPA fetches short-lived access tokens from the BFF and calls APIs itself.
 * `proxy`: the SPA never sees a token; it calls APIs through the BFF's proxy (the access-token route is off).
 *
 * @see https://www.rfc-editor.org/rfc/rfc10017 (OAuth 2.0 for Browser-Based Applications: BFF, token-mediating backend)
 */
export type BffMode = 'token-mediating' | 'proxy'

/**
 * Where the BFF reports failures worth an operator's attention: a sign-in that failed at the
 * callback, a revocation that failed at logout, and any request it answered with a 5xx status.
 */
export interface BffLogger {
  /**
   * Called once per failure with a fixed message (`payauth bff: sign-in failed`...) and the error;
   * neither holds a secret, a token or a cookie.
   */
  warn(message: string, error: ServerAuthError): void
}

/** Everything a backend-for-frontend needs; only `baseUrl`, `provider` and `sessionKeys` are required. */
export interface BffOptions {
  /**
   * Public URL of the BFF as the browser reaches it, e.g. `https://app.example.com/bff`; routes
   * live below it and the redirect URI to register is `${baseUrl}/callback`. https, or http on
   * loopback for development. Over https, cookies get the `__Host-` prefix.
   */
  readonly baseUrl: string
  /**
   * The one provider this BFF signs in with: {@link paceProvider} or {@link oauth20Provider}. Its
   * issuer and endpoints must be https (http only on loopback), else `createBff` throws `invalid_config`.
   */
  readonly provider: BffProvider
  /**
   * 256-bit keys (base64url; `generateSessionKey()` makes one), newest first: the first encrypts
   * cookies and stored sessions, all decrypt. Rotate by prepending a key, drop the old one later.
   * At least one is required; a key that is not 32 bytes makes `createBff` throw `invalid_config`.
   */
  readonly sessionKeys: readonly string[]
  /**
   * Origins the SPA runs on; CSRF checks and `returnTo` accept only these. The first one is where
   * relative `returnTo` paths resolve and where the browser lands by default. Default: `baseUrl`'s origin.
   */
  readonly appOrigins?: readonly string[]
  /** How the SPA reaches APIs (see {@link BffMode}); default `token-mediating`. `proxy` needs `proxy.upstreams`. */
  readonly mode?: BffMode
  /**
   * Upstream APIs the proxy forwards to, by name: `{ pace: 'https://api.pace.cloud' }` serves
   * `${baseUrl}/api/pace/...`. Nothing else is ever reached through the proxy.
   */
  readonly proxy?: {
    /**
     * Base URL of each upstream, by the name used in the path; https only (http on loopback). The
     * proxy route is on whenever one is set, in either mode.
     */
    readonly upstreams: Readonly<Record<string, string>>
  }
  /** Default: the encrypted cookie (`cookieSessionStore`); `redisSessionStore(...)` for several instances. */
  readonly sessionStore?: SessionStoreFactory
  /**
   * Name of the session cookie; default `payauth-bff`. Over https it gets the `__Host-` prefix, chunks
   * add `.0` to `.2`, and login cookies `-login-…`. Give each BFF on one host its own.
   */
  readonly cookieName?: string
  /**
   * Default `Strict`: the SPA's own calls carry the cookie, no request started by another site
   * does, not even a top-level navigation. `Lax` if server-rendered pages need the session.
   */
  readonly sameSite?: 'Strict' | 'Lax'
  /**
   * Longest a session lasts, refreshes included, in seconds; default 28 800 (8 hours). The session
   * cookie, and the Redis record, expire with it.
   */
  readonly sessionMaxAge?: number
  /**
   * Query parameters `/login` passes on to the provider, e.g. `['kc_idp_hint', 'ui_locales']`; default
   * none. Parameters the BFF sets itself (`state`, `scope`, `redirect_uri`...) make `createBff` throw.
   * List `acr_values` and `max_age` for RFC 9470 step-up: the callback then checks that the ID
   * token's `acr` is one asked for (else `step_up_not_met`) and that `auth_time` is recent enough.
   */
  readonly loginParameters?: readonly string[]
  /** The header every SPA call must carry with value `1` (matched case-insensitively); default `x-payauth-csrf`. */
  readonly csrfHeader?: string
  /** For requests to the provider and upstreams; default the global `fetch`. */
  readonly fetch?: typeof fetch
  /** Current time, epoch milliseconds; default `Date.now`. */
  readonly now?: () => number
  /** Default: `console.warn` with the error's code and message. */
  readonly logger?: BffLogger
}
