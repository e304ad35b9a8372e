import type { PendingChallenge, ScaAttempt, ScaChannel } from './challenge.ts'
import type { ExchangedToken, TokenExchangeFeature, TokenExchangeOptions } from './exchange/tokenExchange.ts'
import type { ScaFeature, StepUpFeature } from './fetch/challengeHandlers.ts'
import type { AuthNavigator } from './navigation/authNavigator.ts'
import type { FetchLike } from './oauth/httpOptions.ts'
import type { DpopFeature, ParFeature, RarFeature } from './oauth/protocolFeatures.ts'
import type { CheckedScope, OAuthProvider } from './providers/oauthProvider.ts'
import type { AuthLock } from './session/authLock.ts'
import type { SessionChannel } from './session/sessionChannel.ts'
import type { WakeEvents } from './session/wakeEvents.ts'
import type { CallbackResult, LoginOptions, LogoutOptions } from './signIn/signInTypes.ts'
import type { AuthSnapshot } from './snapshot.ts'
import type { TokenStore } from './storage/tokenStore.ts'

export type { CallbackResult, LoginOptions, LogoutOptions, PendingChallenge }

/** The observable sign-in client. Methods may be passed around unbound. */
export interface AuthClient {
  /** Calls `listener` after every snapshot change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
  /** The current immutable snapshot; the same object until something changes. */
  getSnapshot(): AuthSnapshot
  /**
   * Restores the stored session, refreshing it if it has gone stale, and starts following other
   * tabs. Idempotent: every call returns the first call's promise (after a failure, the next call
   * tries again). `<AuthProvider>`, `ready()` and `getAccessToken()` call it.
   */
  start(): Promise<void>
  /**
   * Sends the user to the authorization server (code + PKCE). While one sign-in is being prepared,
   * further calls return its promise, so a double effect does not start two. Where the session can
   * only be kept in this page's memory (IndexedDB unavailable) and the navigator opens popups
   * (`popupNavigator()`), it signs in in a popup as `loginWithPopup()` does: a redirect would lose
   * the pending sign-in with the page.
   *
   * @see https://www.rfc-editor.org/rfc/rfc7636
   */
  login(options?: LoginOptions): Promise<void>
  /**
   * Signs in in a popup (or a native app's auth session) and resolves once signed in, the page
   * staying where it is. Needs a navigator that can (`popupNavigator()`, the native adapters). A
   * blocked popup falls back to a redirect (resolving `undefined` as the page leaves) unless
   * `fallbackToRedirect` is false; a closed one rejects with `popup_closed`. `signal` lets the app
   * offer a Cancel button: aborting closes the popup (or the native sheet) and rejects with
   * `aborted`, which the snapshot does not show as an error. It matters where the authorization
   * server's `Cross-Origin-Opener-Policy` hides whether the user closed the popup
   * (payauth then waits, up to 10 minutes, for a callback that may still come).
   */
  loginWithPopup(
    options?: LoginOptions & { readonly fallbackToRedirect?: boolean; readonly signal?: AbortSignal },
  ): Promise<CallbackResult | undefined>
  /**
   * Resolves with the snapshot once the session is restored (or found missing): for code that
   * runs before rendering, such as router guards. Never rejects; a failure is in the snapshot.
   */
  ready(): Promise<AuthSnapshot>
  /**
   * Completes a sign-in from the redirect URL (the current one by default). Idempotent per
   * `state`: a second call with the same URL returns the first call's promise.
   */
  handleCallback(url?: string | URL): Promise<CallbackResult>
  /**
   * A valid access token, refreshed if it is about to expire: however many callers and tabs ask
   * at once, one refresh request is made. `login_required` when there is no session.
   */
  getAccessToken(): Promise<string>
  /**
   * Signs out in every tab, revokes the refresh token (RFC 7009) and ends the server's session.
   * The local sign-out happens even when the server cannot be reached (the snapshot's `error` then
   * says so), and even when `returnTo` is off the app's origin, which then rejects with
   * `invalid_return_to`.
   *
   * @see https://www.rfc-editor.org/rfc/rfc7009
   * @see https://openid.net/specs/openid-connect-rpinitiated-1_0.html
   */
  logout(options?: LogoutOptions): Promise<void>
  /**
   * Trades the session's access token (or another) for one meant for another audience
   * (RFC 8693). The session keeps its own tokens. Needs the `tokenExchange` option and a provider
   * the browser talks to itself: otherwise, and through `backend()`, `invalid_config`.
   *
   * @see https://www.rfc-editor.org/rfc/rfc8693
   */
  exchangeToken(options?: TokenExchangeOptions): Promise<ExchangedToken>
  /**
   * `fetch` with the session's access token (Bearer, or DPoP-bound). On `401 invalid_token` it
   * refreshes once and retries; with the `sca` option, an SCA challenge waits while the user
   * verifies (see `verifyChallenge`), then the call is sent again with `SCA-Authorization`; with
   * the `stepUp` option, an RFC 9470 challenge rejects with `step_up_required` and the snapshot
   * offers `stepUp()`. Relative URLs resolve against the current page; an origin other than the
   * app's and `resourceOrigins` is refused with `untrusted_origin` before anything is sent. Any
   * other answer, an error status included, resolves as it came.
   *
   * @see https://www.rfc-editor.org/rfc/rfc6750
   * @see https://www.rfc-editor.org/rfc/rfc9449#section-7
   */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>
  /**
   * Verifies the pending SCA challenge with what the user entered, and resolves whatever the
   * verdict: the held call goes on once verified, or rejects when verification fails for good; a
   * wrong entry sets the challenge's `error` (`sca_rejected`). It rejects when the verifier fails
   * (the challenge shows the same error), and with `invalid_config` without the `sca` option or a
   * pending challenge.
   */
  verifyChallenge(attempt: ScaAttempt): Promise<void>
  /**
   * Sends (or sends again) a one-time code for the pending SCA challenge; `sca_resend_refused` when
   * the verifier cannot send codes or refuses, and before `resendAvailableAt`.
   */
  resendChallenge(channel: ScaChannel): Promise<void>
  /** Gives up the pending SCA challenge (its call rejects with `sca_cancelled`) or step-up. */
  cancelChallenge(): void
  /**
   * Signs in again as the pending step-up asks (`acr_values`, `max_age`, scope), returning to the
   * current page by default. The callback then refuses a sign-in without one of the asked `acr`
   * values (`step_up_not_met`). `invalid_config` without the `stepUp` option.
   *
   * @see https://www.rfc-editor.org/rfc/rfc9470
   */
  stepUp(options?: Pick<LoginOptions, 'returnTo'>): Promise<void>
  /** Takes the shown error out of the snapshot, once the app has shown it (the session stays as it is). */
  clearError(): void
  /** Stops timers and cross-tab listeners, for tests and for apps that replace their client. */
  dispose(): void
}

/**
 * Options of `createAuthClient`. With an authorization server (`pace()`, `oidc()`, `oauth20()`)
 * the app names its public client; with `backend()` the backend holds the registration.
 * Opt-in features come from their own entry points (`@payauth/core/dpop`...).
 */
export type AuthClientOptions<KnownScope extends string = string, Scope extends string = KnownScope> = ClientOptions<
  KnownScope,
  Scope
> &
  (
    | {
        /** Who signs users in: a preset such as `pace()`, `oidc()`, `oauth20()`. */
        readonly provider: OAuthProvider<KnownScope>
        /** The public client's id, as registered with the provider. No secret: browsers cannot keep one. */
        readonly clientId: string
        /** Absolute URL of the app's callback route, registered with the provider. */
        readonly redirectUri: string
      }
    | {
        /** `backend()` from `@payauth/core/backend`: sign-in through the app's backend-for-frontend. */
        readonly provider: OAuthProvider<KnownScope> & {
          /** Always `true`: marks a provider that signs in through a backend. */
          readonly backend: true
        }
        /** Not given: the backend holds the client registration. */
        readonly clientId?: undefined
        /** Not given: the backend's own callback route completes sign-ins. */
        readonly redirectUri?: undefined
      }
  )

/** The options every client takes, whoever signs users in. */
export interface ClientOptions<KnownScope extends string = string, Scope extends string = KnownScope> {
  /** Where the server sends the user after logout; registered with it. The app's root by default. */
  readonly postLogoutRedirectUri?: string
  /** Scopes requested at sign-in; `['openid']` by default. Include `openid` to learn who signed in. */
  readonly scope?: readonly CheckedScope<KnownScope, Scope>[]
  /**
   * Where tokens are kept; IndexedDB by default (memory once it fails, and where there is none). A
   * store that fails is reported as `storage_error`.
   */
  readonly store?: TokenStore
  /** How the user is sent to the server and back; the current window by default. */
  readonly navigator?: AuthNavigator
  /** The HTTP client; the global `fetch` by default. */
  readonly fetch?: FetchLike
  /** The clock, epoch milliseconds; `Date.now` by default. Tests pass a fake one. */
  readonly now?: () => number
  /**
   * The cross-tab lock around refreshes; Web Locks by default, an IndexedDB lease without them, and
   * a lock of this page only where there is neither.
   */
  readonly lock?: AuthLock
  /** How tabs tell each other the session changed; a BroadcastChannel by default. */
  readonly channel?: SessionChannel
  /** When to check the session besides its timer; visibility, online and focus by default. */
  readonly wakeEvents?: WakeEvents
  /**
   * Origins of the APIs `auth.fetch` may send the access token to, besides the app's own, e.g.
   * `['https://api.pace.cloud']`. A call to any other origin is refused before anything is sent.
   */
  readonly resourceOrigins?: readonly string[]
  /** `dpop()` from `@payauth/core/dpop`: sender-constrained tokens (RFC 9449). */
  readonly dpop?: DpopFeature
  /** `par()` from `@payauth/core/par`: pushed authorization requests (RFC 9126). */
  readonly par?: ParFeature
  /** `richAuthorization()` from `@payauth/core/rar`: `login({ authorizationDetails })` (RFC 9396). */
  readonly rar?: RarFeature
  /** `tokenExchange()` from `@payauth/core/exchange`: `auth.exchangeToken()` (RFC 8693). */
  readonly tokenExchange?: TokenExchangeFeature
  /** `paysafeSca({ verifier })` from `@payauth/core/sca`: PSD2 SCA challenges in `auth.fetch`. */
  readonly sca?: ScaFeature
  /** `stepUp()` from `@payauth/core/step-up`: RFC 9470 step-up in `auth.fetch` and `auth.stepUp()`. */
  readonly stepUp?: StepUpFeature
}
