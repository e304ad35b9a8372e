import type { AuthNavigator } from './navigation/authNavigator.ts'
import type { AuthorizationDetail } from './oauth/authorizationDetails.ts'
import type { FetchLike } from './oauth/httpOptions.ts'
import type { Intent } from './oauth/intentParams.ts'
import type { CheckedScope, OAuthProvider } from './providers/oauthProvider.ts'
import type { AuthLock } from './session/authLock.ts'
import type { SessionChannel } from './session/sessionChannel.ts'
import type { WakeEvents } from './session/wakeEvents.ts'
import type { Session } from './snapshot.ts'
import type { ScaVerifier } from './stepUp/scaVerifier.ts'
import type { TokenStore } from './storage/tokenStore.ts'

export interface AuthClientOptions<KnownScope extends string = string, Scope extends string = KnownScope> {
  /** The authorization server, usually from a preset such as `pace()`. */
  readonly provider: OAuthProvider<KnownScope>
  /** The public client's id, as registered with the provider. No secret: browsers cannot keep one. */
  readonly clientId: string
  /** Absolute URL of the app's callback route, registered with the provider. */
  readonly redirectUri: string
  /** Scopes requested at sign-in. Include `openid` to learn who signed in. */
  readonly scope?: readonly CheckedScope<KnownScope, Scope>[]
  /** Where the server sends the user after logout; registered with it. The app's root by default. */
  readonly postLogoutRedirectUri?: string
  /** Where tokens are kept; IndexedDB by default, memory where there is none. */
  readonly store?: TokenStore
  /** How the user is sent to the server and back; the current window by default. */
  readonly navigator?: AuthNavigator
  /** The HTTP client; the global `fetch` by default. */
  readonly fetch?: FetchLike
  /** The clock, epoch milliseconds; `Date.now` by default. */
  readonly now?: () => number
  /** The cross-tab lock around refreshes; Web Locks by default, an IndexedDB lease without them. */
  readonly lock?: AuthLock
  /** How tabs tell each other the session changed; a BroadcastChannel by default. */
  readonly channel?: SessionChannel
  /** When to check the session besides its timer; visibility, online and focus by default. */
  readonly wakeEvents?: WakeEvents
  /**
   * Bind tokens to a key kept in this browser (DPoP, RFC 9449), so a stolen token is useless
   * elsewhere. The server must support it; off by default.
   */
  readonly dpop?: boolean
  /**
   * Push authorization parameters to the server first (PAR, RFC 9126). Used anyway when the
   * server requires it (`require_pushed_authorization_requests`).
   */
  readonly par?: boolean
  /**
   * Checks what the user enters for a PSD2 SCA challenge (PIN, one-time code). In Paysafe's
   * OUTSOURCED mode, your backend: see `partnerScaVerifier()`. Without one, SCA-protected calls
   * reject with `sca_unavailable`.
   */
  readonly scaVerifier?: ScaVerifier
}

export interface LoginOptions {
  /** App path (or same-origin URL) to return to after sign-in; the current page by default. */
  readonly returnTo?: string
  /** Extra authorization parameters for this sign-in, e.g. `{ kc_idp_hint: 'google' }`. */
  readonly params?: Readonly<Record<string, string>>
  /** Scopes for this sign-in instead of the client's (checked for typos there, not here). */
  readonly scope?: readonly string[]
  /** What exactly to authorize (RFC 9396), such as one payment; granted details land in the session. */
  readonly authorizationDetails?: readonly AuthorizationDetail[]
  /** The intent this sign-in authorizes, for intent-based providers such as `oauth20()`. */
  readonly intent?: Intent
}

export interface CallbackResult {
  /** The app path the sign-in started from; always on the app's origin. */
  readonly returnTo: string
  readonly session: Session
}

export interface LogoutOptions {
  /**
   * App path to land on afterwards. With `endSession` it must be registered with the server as a
   * post-logout redirect URI; the client's `postLogoutRedirectUri` by default.
   */
  readonly returnTo?: string
  /** End the server's session too (RP-initiated logout), so the next sign-in asks again. Default true. */
  readonly endSession?: boolean
}
