import type { Session } from '../snapshot.ts'
import type { AuthorizationDetail, Intent, TokenSet } from '../tokenSet.ts'

/** A sign-in as the client asks a provider to start it. */
export interface SignInRequest {
  /** App path to come back to; already confined to the app's origin. */
  readonly returnTo: string
  readonly scope: readonly string[]
  /** Extra authorization parameters (the caller's, then the provider's defaults beneath them). */
  readonly params: Readonly<Record<string, string>>
  readonly authorizationDetails: readonly AuthorizationDetail[] | undefined
  readonly intent: Intent | undefined
  /** The app's own data, handed back after the callback; JSON, already checked for size. */
  readonly appState?: unknown
  /** Started in a popup (or a native auth session): its callback is relayed to this window. */
  readonly popup?: boolean
}

/** A completed sign-in as a provider returns it: the tokens, and the app path it started from. */
export interface SignedIn {
  readonly tokens: TokenSet
  readonly returnTo: string
  readonly appState?: unknown
}

/** What `handleCallback` resolves with. */
export interface CallbackResult {
  /** The app path the sign-in started from; always on the app's origin. */
  readonly returnTo: string
  /** The session the sign-in started, as the snapshot now shows it. */
  readonly session: Session
  /** What `login({ appState })` carried through the sign-in (Auth0's `appState`). */
  readonly appState: unknown
}

/** Options of `login()`, `loginWithPopup()` and the router guards; all of them optional. */
export interface LoginOptions {
  /**
   * App path (or same-origin URL) to return to after sign-in; the current page by default. Anything
   * off the app's origin is refused with `invalid_return_to` before the user leaves.
   */
  readonly returnTo?: string
  /**
   * Extra authorization parameters for this sign-in, e.g. `{ kc_idp_hint: 'google' }`, over the
   * provider's own. Those payauth sets (`state`, `scope`, `redirect_uri`...) are refused with
   * `invalid_config`. Through `backend()`, the backend passes on only those it allows.
   */
  readonly params?: Readonly<Record<string, string>>
  /**
   * Scopes for this sign-in instead of the client's (checked for typos there, not here). Through
   * `backend()`, the backend's configuration decides: a scope neither the client's `scope` nor the
   * session has is refused with `invalid_config`, as are `authorizationDetails`.
   */
  readonly scope?: readonly string[]
  /** What exactly to authorize (RFC 9396), such as one payment; needs the `rar` option. */
  readonly authorizationDetails?: readonly AuthorizationDetail[]
  /** The intent this sign-in authorizes, for intent-based providers such as `oauth20()`. */
  readonly intent?: Intent
  /**
   * The app's own data to have back after the callback (`CallbackResult.appState`): JSON, at most
   * 4 kB once serialized. Kept in the token store with the pending sign-in, never in the URL.
   */
  readonly appState?: unknown
}

/** Options of `logout()`. */
export interface LogoutOptions {
  /**
   * App path to land on afterwards. With `endSession` it must be registered with the server as a
   * post-logout redirect URI; the client's `postLogoutRedirectUri` by default. When it is not given
   * and the server has no end-session endpoint, the page stays where it is.
   */
  readonly returnTo?: string
  /**
   * End the server's session too (RP-initiated logout), so the next sign-in asks again; it needs the
   * server's `end_session_endpoint`. Default true. False still revokes the refresh token.
   */
  readonly endSession?: boolean
  /**
   * Send the ID token as `id_token_hint` in the end-session URL (the default: Keycloak then signs
   * out without asking). False keeps every token out of URLs: `logout_hint` (the user's `sub`) goes
   * beside `client_id` instead, and the server may ask the user to confirm.
   *
   * @see https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout
   */
  readonly idTokenHint?: boolean
}
