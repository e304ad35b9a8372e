import { AuthError, AuthErrorCode } from './errors.ts'
import type { AuthNavigator } from './navigation/authNavigator.ts'
import { defaultNavigator } from './navigation/defaultNavigator.ts'
import { parseUrl } from './navigation/parseUrl.ts'
import { toAppPath } from './navigation/returnTo.ts'
import { createAuthorizationRequest } from './oauth/authorizationRequest.ts'
import { callbackParams, isCallbackUrl, validateAuthorizationResponse } from './oauth/authorizationResponse.ts'
import { type AuthorizationServer, discoverServer } from './oauth/discoverServer.ts'
import { exchangeCode } from './oauth/exchangeCode.ts'
import { type FetchLike, httpOptions } from './oauth/httpOptions.ts'
import { requireSecureUrl } from './oauth/secureUrl.ts'
import { toAuthError } from './oauth/toAuthError.ts'
import type { CheckedScope, OAuthProvider } from './providers/oauthProvider.ts'
import { isFresh } from './session/expiry.ts'
import { type LoginTransaction, loginTransactionLifetimeMs } from './session/loginTransaction.ts'
import type { TokenSet } from './session/tokenSet.ts'
import { type AuthSnapshot, loadingSnapshot, type Session, signedIn, signedOut, withError } from './snapshot.ts'
import { defaultTokenStore } from './storage/defaultTokenStore.ts'
import { guardStore } from './storage/guardStore.ts'
import { storageKeys } from './storage/storageKeys.ts'
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
  /** Where tokens are kept; IndexedDB by default, memory where there is none. */
  readonly store?: TokenStore
  /** How the user is sent to the server and back; the current window by default. */
  readonly navigator?: AuthNavigator
  /** The HTTP client; the global `fetch` by default. */
  readonly fetch?: FetchLike
  /** The clock, epoch milliseconds; `Date.now` by default. */
  readonly now?: () => number
}

export interface LoginOptions {
  /** App path (or same-origin URL) to return to after sign-in; the current page by default. */
  readonly returnTo?: string
  /** Extra authorization parameters for this sign-in, e.g. `{ kc_idp_hint: 'google' }`. */
  readonly params?: Readonly<Record<string, string>>
  /** Scopes for this sign-in instead of the client's (checked for typos there, not here). */
  readonly scope?: readonly string[]
}

export interface CallbackResult {
  /** The app path the sign-in started from; always on the app's origin. */
  readonly returnTo: string
  readonly session: Session
}

export interface LogoutOptions {
  /** App path to go to after signing out; stay on the page when left out. */
  readonly returnTo?: string
}

/** The observable sign-in client. Methods may be passed around unbound. */
export interface AuthClient {
  /** Calls `listener` after every snapshot change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
  /** The current immutable snapshot; the same object until something changes. */
  getSnapshot(): AuthSnapshot
  /** Restores the stored session. Idempotent: every call returns the first call's promise. */
  start(): Promise<void>
  /**
   * Sends the user to the authorization server (code + PKCE). While one sign-in is being prepared,
   * further calls return its promise, so a double effect does not start two.
   */
  login(options?: LoginOptions): Promise<void>
  /**
   * Completes a sign-in from the redirect URL (the current one by default). Idempotent per
   * `state`: a second call with the same URL returns the first call's promise.
   */
  handleCallback(url?: string | URL): Promise<CallbackResult>
  /** A valid access token, or an `AuthError` with code `login_required`. */
  getAccessToken(): Promise<string>
  /** Forgets the session in this browser. */
  logout(options?: LogoutOptions): Promise<void>
}

export function createAuthClient<KnownScope extends string, const Scope extends string = KnownScope>(
  options: AuthClientOptions<KnownScope, Scope>,
): AuthClient {
  const issuer = requireSecureUrl(options.provider.issuer, 'issuer')
  const redirectUri = requireSecureUrl(options.redirectUri, 'redirectUri').href
  if (typeof options.clientId !== 'string' || options.clientId.length === 0) {
    throw new AuthError(AuthErrorCode.InvalidConfig, 'clientId is required', { cause: { clientId: options.clientId } })
  }
  const clientId = options.clientId
  const appOrigin = new URL(redirectUri).origin
  const scope: readonly string[] = options.scope ?? ['openid']
  const scopeSeparator = options.provider.scopeSeparator ?? ' '
  const store = guardStore(options.store ?? defaultTokenStore())
  const navigator = options.navigator ?? defaultNavigator()
  const now = options.now ?? Date.now
  const http = httpOptions(issuer, options.fetch ?? ((input, init) => fetch(input, init)))
  const keys = storageKeys(issuer.href, clientId)

  let snapshot: AuthSnapshot = loadingSnapshot
  const listeners = new Set<() => void>()
  let serverPromise: Promise<AuthorizationServer> | undefined
  let startPromise: Promise<void> | undefined
  const callbacks = new Map<string, Promise<CallbackResult>>()
  let lastCallback: Promise<CallbackResult> | undefined
  let pendingLogin: Promise<void> | undefined

  function setSnapshot(next: AuthSnapshot): void {
    if (Object.is(next, snapshot)) return
    snapshot = next
    for (const listener of [...listeners]) listener()
  }

  /** Runs a command so that any failure is both thrown and recorded in the snapshot. */
  async function run<T>(command: () => Promise<T>, failure: string): Promise<T> {
    try {
      return await command()
    } catch (error) {
      const authError = toAuthError(error, AuthErrorCode.InvalidResponse, failure)
      const alreadySaysSo = authError.code === AuthErrorCode.LoginRequired && snapshot.status === 'signedOut'
      if (!alreadySaysSo) setSnapshot(withError(snapshot, authError))
      throw authError
    }
  }

  function getServer(): Promise<AuthorizationServer> {
    serverPromise ??= discoverServer(issuer, http).catch((error: unknown) => {
      serverPromise = undefined
      throw error
    })
    return serverPromise
  }

  function start(): Promise<void> {
    startPromise ??= run(async () => {
      const tokens = await store.get<TokenSet>(keys.session)
      await sweepLoginTransactions()
      // A callback that finished first has the newer truth.
      if (snapshot.status !== 'loading') return
      if (!tokens) return setSnapshot(signedOut('none'))
      if (!isFresh(tokens, now())) {
        await store.delete(keys.session)
        return setSnapshot(signedOut('expired'))
      }
      setSnapshot(signedIn(tokens))
    }, 'Restoring the session failed').catch((error: unknown) => {
      startPromise = undefined
      throw error
    })
    return startPromise
  }

  async function sweepLoginTransactions(): Promise<void> {
    const time = now()
    for (const key of await store.keys()) {
      if (!key.startsWith(keys.loginPrefix)) continue
      const transaction = await store.get<LoginTransaction>(key)
      if (!transaction || transaction.expiresAt <= time) await store.delete(key)
    }
  }

  function login(loginOptions: LoginOptions = {}): Promise<void> {
    pendingLogin ??= startLogin(loginOptions).finally(() => {
      pendingLogin = undefined
    })
    return pendingLogin
  }

  function startLogin(loginOptions: LoginOptions): Promise<void> {
    return run(async () => {
      const returnTo = toAppPath(loginOptions.returnTo ?? currentAppPath(), appOrigin)
      const requestedScope: readonly string[] = loginOptions.scope ?? scope
      const server = await getServer()
      const request = await createAuthorizationRequest(server, {
        clientId,
        redirectUri,
        scope: requestedScope.join(scopeSeparator),
        openid: requestedScope.includes('openid'),
        extraParams: { ...options.provider.authorizeParams, ...loginOptions.params },
      })
      const createdAt = now()
      const transaction: LoginTransaction = {
        state: request.state,
        codeVerifier: request.codeVerifier,
        nonce: request.nonce,
        redirectUri,
        scope: requestedScope,
        returnTo,
        createdAt,
        expiresAt: createdAt + loginTransactionLifetimeMs,
      }
      await store.set(keys.login(request.state), transaction)
      await navigator.assign(request.url.href)
    }, 'Starting the sign-in failed')
  }

  function currentAppPath(): string {
    const current = parseUrl(navigator.currentUrl())
    return current?.origin === appOrigin ? `${current.pathname}${current.search}${current.hash}` : '/'
  }

  function handleCallback(url?: string | URL): Promise<CallbackResult> {
    let callbackUrl: URL
    try {
      callbackUrl = new URL(String(url ?? navigator.currentUrl()))
    } catch (error) {
      return run(() => Promise.reject(error), 'Reading the callback URL failed')
    }
    if (!isCallbackUrl(callbackUrl)) {
      // React StrictMode runs effects twice; the second run sees the already scrubbed URL.
      if (lastCallback && url === undefined) return lastCallback
      return run(
        () =>
          Promise.reject(
            new AuthError(AuthErrorCode.NotACallback, 'This URL carries no authorization response', {
              cause: { url: callbackUrl.href },
            }),
          ),
        'Completing the sign-in failed',
      )
    }
    const state = callbackUrl.searchParams.get('state') ?? ''
    const key = state || callbackUrl.href
    const existing = callbacks.get(key)
    if (existing) return existing
    const result = run(() => completeCallback(callbackUrl, state), 'Completing the sign-in failed')
    callbacks.set(key, result)
    lastCallback = result
    return result
  }

  async function completeCallback(url: URL, state: string): Promise<CallbackResult> {
    scrubAddressBar(url)
    const transaction = state ? await store.get<LoginTransaction>(keys.login(state)) : undefined
    if (!transaction) {
      throw new AuthError(
        AuthErrorCode.StateMismatch,
        'The callback matches no sign-in started in this browser; it may be forged or tampered with',
        { cause: { state } },
      )
    }
    if (transaction.usedAt !== undefined) {
      throw new AuthError(
        AuthErrorCode.StateUsed,
        'This sign-in has already been completed; the callback URL was replayed',
        {
          cause: { state, usedAt: transaction.usedAt },
        },
      )
    }
    if (transaction.expiresAt <= now()) {
      await store.delete(keys.login(state))
      throw new AuthError(AuthErrorCode.StateExpired, 'This sign-in took too long; please sign in again', {
        cause: { state, expiresAt: transaction.expiresAt },
      })
    }
    // Claim the sign-in before any network call so a replay cannot race this one.
    await store.set(keys.login(state), { ...transaction, usedAt: now() } satisfies LoginTransaction)
    const server = await getServer()
    const params = validateAuthorizationResponse(server, clientId, url, transaction.state)
    const tokens = await exchangeCode(
      server,
      {
        clientId,
        callbackParams: params,
        redirectUri: transaction.redirectUri,
        codeVerifier: transaction.codeVerifier,
        nonce: transaction.nonce,
        requestedScope: transaction.scope,
        scopeSeparator,
        now: now(),
      },
      http,
    )
    await store.set(keys.session, tokens)
    const next = signedIn(tokens)
    setSnapshot(next)
    return { returnTo: toAppPath(transaction.returnTo, appOrigin), session: sessionOf(next) }
  }

  function scrubAddressBar(url: URL): void {
    let current: string
    try {
      current = navigator.currentUrl()
    } catch {
      return
    }
    if (current !== url.href) return
    const clean = new URL(url)
    for (const name of callbackParams) clean.searchParams.delete(name)
    navigator.replace(clean.href)
  }

  function getAccessToken(): Promise<string> {
    return run(async () => {
      await start()
      if (snapshot.status === 'signedIn') {
        const tokens = await store.get<TokenSet>(keys.session)
        if (tokens && isFresh(tokens, now())) return tokens.accessToken
        await store.delete(keys.session)
        setSnapshot(signedOut('expired'))
      }
      throw new AuthError(AuthErrorCode.LoginRequired, 'There is no valid session; sign in first', {
        cause: { status: snapshot.status },
      })
    }, 'Getting an access token failed')
  }

  function logout(logoutOptions: LogoutOptions = {}): Promise<void> {
    return run(async () => {
      const returnTo = logoutOptions.returnTo === undefined ? undefined : toAppPath(logoutOptions.returnTo, appOrigin)
      await store.delete(keys.session)
      setSnapshot(signedOut('logout'))
      if (returnTo !== undefined) await navigator.assign(new URL(returnTo, appOrigin).href)
    }, 'Signing out failed')
  }

  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    getSnapshot: () => snapshot,
    start,
    login,
    handleCallback,
    getAccessToken,
    logout,
  }
}

function sessionOf(snapshot: AuthSnapshot): Session {
  if (snapshot.status !== 'signedIn') throw new Error('unreachable: not signed in')
  return snapshot.session
}
