import type { AuthClientOptions, CallbackResult, LoginOptions, LogoutOptions } from './authClientOptions.ts'
import { AuthError, AuthErrorCode, OAuthResponseError, StepUpRequiredError } from './errors.ts'
import { defaultNavigator } from './navigation/defaultNavigator.ts'
import { parseUrl } from './navigation/parseUrl.ts'
import { toAppPath } from './navigation/returnTo.ts'
import { createAuthorizationRequest } from './oauth/authorizationRequest.ts'
import { callbackParams, isCallbackUrl, validateAuthorizationResponse } from './oauth/authorizationResponse.ts'
import { type AuthorizationServer, discoverServer } from './oauth/discoverServer.ts'
import { endSessionUrl } from './oauth/endSessionUrl.ts'
import { exchangeCode } from './oauth/exchangeCode.ts'
import { type ExchangedToken, exchangeToken, type TokenExchangeOptions } from './oauth/exchangeToken.ts'
import { explicitServer } from './oauth/explicitServer.ts'
import { type FetchLike, type HttpOptions, httpOptions, withDpop } from './oauth/httpOptions.ts'
import { fragmentParams, implicitTokens } from './oauth/implicitResponse.ts'
import { intentAuthorizeParams } from './oauth/intentParams.ts'
import { pushAuthorizationRequest } from './oauth/pushAuthorizationRequest.ts'
import { refreshTokens } from './oauth/refreshTokens.ts'
import { revokeToken } from './oauth/revokeToken.ts'
import { requireSecureUrl } from './oauth/secureUrl.ts'
import { toAuthError } from './oauth/toAuthError.ts'
import { backoffDelay } from './session/backoff.ts'
import { defaultLock } from './session/defaultLock.ts'
import { dpopKeyPair } from './session/dpopKeyPair.ts'
import { isFresh, staleAt } from './session/expiry.ts'
import { isTransient } from './session/isTransient.ts'
import { type LoginTransaction, loginTransactionLifetimeMs } from './session/loginTransaction.ts'
import { broadcastSessionChannel } from './session/sessionChannel.ts'
import type { TokenSet } from './session/tokenSet.ts'
import { browserWakeEvents } from './session/wakeEvents.ts'
import { type AuthSnapshot, loadingSnapshot, type Session, signedIn, signedOut, withError } from './snapshot.ts'
import { authorizedFetch } from './stepUp/authorizedFetch.ts'
import type { PendingChallenge, PendingStepUp } from './stepUp/pendingChallenge.ts'
import type { ScaChannel } from './stepUp/scaDetails.ts'
import { scaQueue } from './stepUp/scaQueue.ts'
import type { ScaAttempt } from './stepUp/scaVerifier.ts'
import { defaultTokenStore } from './storage/defaultTokenStore.ts'
import { guardStore } from './storage/guardStore.ts'
import { storageKeys } from './storage/storageKeys.ts'

/** The observable sign-in client. Methods may be passed around unbound. */
export interface AuthClient {
  /** Calls `listener` after every snapshot change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
  /** The current immutable snapshot; the same object until something changes. */
  getSnapshot(): AuthSnapshot
  /**
   * Restores the stored session, refreshing it if it has gone stale, and starts following other
   * tabs. Idempotent: every call returns the first call's promise.
   */
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
  /**
   * A valid access token, refreshed if it is about to expire: however many callers and tabs ask
   * at once, one refresh request is made. `login_required` when there is no session.
   */
  getAccessToken(): Promise<string>
  /**
   * Signs out in every tab, revokes the refresh token (RFC 7009) and ends the server's session.
   * The local sign-out happens even when the server cannot be reached.
   */
  logout(options?: LogoutOptions): Promise<void>
  /**
   * Trades the session's access token (or another) for one meant for another audience
   * (RFC 8693). The session keeps its own tokens.
   */
  exchangeToken(options?: TokenExchangeOptions): Promise<ExchangedToken>
  /**
   * `fetch` with the session's access token (Bearer, or DPoP-bound). On `401 invalid_token` it
   * refreshes once and retries; on an SCA challenge the call waits while the user verifies (see
   * `verifyChallenge`), then is sent again with `SCA-Authorization`; on an RFC 9470 step-up
   * challenge it rejects with `step_up_required` and the snapshot offers `stepUp()`.
   */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>
  /** Verifies the pending SCA challenge with what the user entered. */
  verifyChallenge(attempt: ScaAttempt): Promise<void>
  /** Sends (or sends again) a one-time code for the pending SCA challenge. */
  resendChallenge(channel: ScaChannel): Promise<void>
  /** Gives up the pending SCA challenge (its call rejects with `sca_cancelled`) or step-up. */
  cancelChallenge(): void
  /**
   * Signs in again as the pending step-up asks (`acr_values`, `max_age`, scope), returning to the
   * current page by default.
   */
  stepUp(options?: Pick<LoginOptions, 'returnTo'>): Promise<void>
  /** Stops timers and cross-tab listeners, for tests and for apps that replace their client. */
  dispose(): void
}

/** Longest delay `setTimeout` honours; longer ones fire at once. */
const maxTimerDelayMs = 2 ** 31 - 1
const revocationTimeoutMs = 5_000

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
  const postLogoutRedirectUri = toAppPath(options.postLogoutRedirectUri ?? '/', appOrigin)
  const scope: readonly string[] = options.scope ?? ['openid']
  const scopeSeparator = options.provider.scopeSeparator ?? ' '
  const store = guardStore(options.store ?? defaultTokenStore())
  const navigator = options.navigator ?? defaultNavigator()
  const now = options.now ?? Date.now
  const lock = options.lock ?? defaultLock()
  const wakeEvents = options.wakeEvents ?? browserWakeEvents
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init))
  const plainHttp = httpOptions(issuer, fetchImpl)
  const keys = storageKeys(issuer.href, clientId)
  const channel = options.channel ?? broadcastSessionChannel(`payauth:${issuer.href}:${clientId}`)
  const refreshLockName = `payauth:refresh:${issuer.href}:${clientId}`

  let snapshot: AuthSnapshot = loadingSnapshot
  const listeners = new Set<() => void>()
  /** The session's tokens as this tab last read or wrote them; the store is the shared truth. */
  let tokens: TokenSet | undefined
  let serverPromise: Promise<AuthorizationServer> | undefined
  let startPromise: Promise<void> | undefined
  let pendingLogin: Promise<void> | undefined
  let refreshInFlight: Promise<TokenSet> | undefined
  const callbacks = new Map<string, Promise<CallbackResult>>()
  let lastCallback: Promise<CallbackResult> | undefined
  let sessionTimer: ReturnType<typeof setTimeout> | undefined
  let dpopHttp: Promise<HttpOptions> | undefined
  let pendingStepUp: PendingStepUp | undefined
  let disposed = false
  const scaChallenges = scaQueue({
    verifier: options.scaVerifier,
    now,
    accessToken: () => getAccessToken(),
    onChange: publishChallenge,
  })
  let failedRefreshes = 0
  const detachers: (() => void)[] = []

  function setSnapshot(next: AuthSnapshot): void {
    if (Object.is(next, snapshot)) return
    snapshot = next
    for (const listener of [...listeners]) {
      try {
        listener()
      } catch (error) {
        // A subscriber's bug must not stop the session's own bookkeeping; report it unhandled.
        queueMicrotask(() => {
          throw error
        })
      }
    }
  }

  function record(error: AuthError): void {
    // The caller gave up; nothing went wrong that the app should show.
    if (error.code === AuthErrorCode.Aborted) return
    const alreadySaysSo =
      snapshot.status === 'signedOut' && (error.code === AuthErrorCode.LoginRequired || snapshot.error === error)
    if (!alreadySaysSo) setSnapshot(withError(snapshot, error))
  }

  /** Runs a command so that any failure is both thrown and recorded in the snapshot. */
  async function run<T>(command: () => Promise<T>, failure: string): Promise<T> {
    try {
      return await command()
    } catch (error) {
      const authError = toAuthError(error, AuthErrorCode.InvalidResponse, failure)
      record(authError)
      throw authError
    }
  }

  /** Options for token requests: with a DPoP handle on the client's stored key when DPoP is on. */
  function tokenHttp(): Promise<HttpOptions> {
    if (!options.dpop) return Promise.resolve(plainHttp)
    // Under the cross-tab lock, so two tabs' first token requests cannot make two keys.
    dpopHttp ??= lock
      .run(`${refreshLockName}:dpop-key`, () => dpopKeyPair(store, keys.dpopKey))
      .then(
        (keyPair) => withDpop(plainHttp, keyPair),
        (error: unknown) => {
          dpopHttp = undefined
          throw error
        },
      )
    return dpopHttp
  }

  function getServer(): Promise<AuthorizationServer> {
    const { endpoints } = options.provider
    serverPromise ??= (
      endpoints
        ? Promise.resolve().then(() => explicitServer(options.provider.issuer, endpoints))
        : discoverServer(issuer, plainHttp)
    ).catch((error: unknown) => {
      serverPromise = undefined
      throw error
    })
    return serverPromise
  }

  function currentChallenge(): PendingChallenge | undefined {
    return scaChallenges.current() ?? pendingStepUp
  }

  function publishChallenge(): void {
    if (snapshot.status === 'signedIn') setSnapshot({ ...snapshot, challenge: currentChallenge() })
  }

  /** Makes `next` this tab's session: snapshot, timers. Same tokens again change nothing. */
  function adopt(next: TokenSet): void {
    const unchanged =
      snapshot.status === 'signedIn' && snapshot.error === undefined && tokens?.accessToken === next.accessToken
    tokens = next
    failedRefreshes = 0
    if (!unchanged) setSnapshot(signedIn(next, undefined, currentChallenge()))
    scheduleSessionCheck(next)
  }

  function endLocally(reason: 'logout' | 'expired' | 'rejected', error?: AuthError): void {
    tokens = undefined
    clearTimeout(sessionTimer)
    pendingStepUp = undefined
    setSnapshot(signedOut(reason, error))
    scaChallenges.cancelAll()
  }

  function canRefresh(current: TokenSet): current is TokenSet & { readonly refreshToken: string } {
    return (
      current.refreshToken !== undefined && (current.refreshExpiresAt === undefined || current.refreshExpiresAt > now())
    )
  }

  /** Refreshes when the token turns stale; without a refresh token, signs out when it expires. */
  function scheduleSessionCheck(current: TokenSet, delay?: number): void {
    clearTimeout(sessionTimer)
    if (disposed) return
    const due = delay ?? (canRefresh(current) ? staleAt(current) : current.expiresAt) - now()
    sessionTimer = setTimeout(() => void checkSession(), Math.min(maxTimerDelayMs, Math.max(0, due)))
    // In Node (SSR, tests) a pending refresh must not keep the process alive.
    ;(sessionTimer as { unref?: () => void }).unref?.()
  }

  async function checkSession(): Promise<void> {
    const current = tokens
    if (!current) return
    if (isFresh(current, now())) {
      // The timer fired early (clamped delay, clock moved back): keep watching.
      scheduleSessionCheck(current)
      return
    }
    if (canRefresh(current)) {
      await refresh().catch(() => {})
    } else if (current.expiresAt <= now()) {
      await store.delete(keys.session).catch(() => {})
      endLocally('expired')
    }
  }

  /** Another tab changed the stored session, or this one woke up: take what is stored. */
  async function syncFromStore(): Promise<void> {
    if (snapshot.status === 'loading') return
    const stored = await store.get<TokenSet>(keys.session)
    if (!stored) {
      if (tokens) endLocally('logout')
      return
    }
    if (stored.accessToken !== tokens?.accessToken) adopt(stored)
    await checkSession()
  }

  function follow(): void {
    // start() runs again after a failure; listen once.
    if (detachers.length > 0) return
    detachers.push(channel.subscribe(() => void syncFromStore().catch(() => {})))
    detachers.push(wakeEvents(() => void syncFromStore().catch(() => {})))
  }

  function start(): Promise<void> {
    startPromise ??= run(async () => {
      follow()
      const stored = await store.get<TokenSet>(keys.session)
      await sweepLoginTransactions()
      // A callback that finished first has the newer truth; one that failed has not replaced the session.
      if (snapshot.status === 'signedIn') return
      const earlier = snapshot.status === 'error' ? snapshot.error : undefined
      if (!stored) {
        if (!earlier) setSnapshot(signedOut('none'))
        return
      }
      if (isFresh(stored, now()) || (!canRefresh(stored) && now() < stored.expiresAt)) {
        adopt(stored)
        if (earlier) setSnapshot(signedIn(stored, earlier, currentChallenge()))
        return
      }
      if (!canRefresh(stored)) {
        await store.delete(keys.session)
        if (!earlier) setSnapshot(signedOut('expired'))
        return
      }
      tokens = stored
      // A failure is in the snapshot by now; a transient one keeps the session and retries.
      await refresh().catch(() => {})
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

  /**
   * One refresh at a time in this tab; the lock makes it one at a time across tabs. With
   * `rejectedToken`, refreshes even a fresh-looking token, unless another tab already replaced it.
   */
  function refresh(rejectedToken?: string): Promise<TokenSet> {
    refreshInFlight ??= refreshUnderLock(rejectedToken).finally(() => {
      refreshInFlight = undefined
    })
    return refreshInFlight
  }

  async function refreshUnderLock(rejectedToken: string | undefined): Promise<TokenSet> {
    try {
      const next = await lock.run(refreshLockName, async () => {
        // Another tab may have refreshed, or signed out, while this one waited for the lock.
        const stored = await store.get<TokenSet>(keys.session)
        if (!stored) {
          throw new AuthError(AuthErrorCode.LoginRequired, 'The session was ended in another tab', {
            cause: { reason: 'signed out elsewhere' },
          })
        }
        if (isFresh(stored, now()) && stored.accessToken !== rejectedToken) return stored
        if (!canRefresh(stored)) {
          throw new AuthError(AuthErrorCode.LoginRequired, 'The session has expired and cannot be renewed', {
            cause: { refreshExpiresAt: stored.refreshExpiresAt },
          })
        }
        try {
          const server = await getServer()
          const refreshed = await refreshTokens(
            server,
            stored,
            { clientId, scopeSeparator, now: now() },
            await tokenHttp(),
          )
          // Compare and set: a logout (or a new sign-in) while the request ran must not be undone.
          const current = await store.get<TokenSet>(keys.session)
          if (current?.refreshToken !== stored.refreshToken) {
            if (refreshed.refreshToken)
              void revokeToken(server, clientId, refreshed.refreshToken, plainHttp).catch(() => {})
            throw new AuthError(AuthErrorCode.LoginRequired, 'The session ended while it was being refreshed', {
              cause: { reason: 'replaced during refresh' },
            })
          }
          await store.set(keys.session, refreshed)
          channel.post({ type: 'sessionChanged' })
          return refreshed
        } catch (error) {
          const current = await store.get<TokenSet>(keys.session)
          // Forget the refused session, unless a logout or a new sign-in already replaced it.
          if (
            error instanceof OAuthResponseError &&
            !isTransient(error) &&
            current?.refreshToken === stored.refreshToken
          ) {
            await store.delete(keys.session)
            channel.post({ type: 'sessionChanged' })
          }
          throw error
        }
      })
      adopt(next)
      return next
    } catch (error) {
      const authError = toAuthError(error, AuthErrorCode.InvalidResponse, 'Refreshing the session failed')
      if (authError instanceof OAuthResponseError && !isTransient(authError)) {
        // After a logout here there is nothing left to end (the refusal may be that logout's revocation).
        if (tokens) endLocally('rejected', authError)
      } else if (authError.code === AuthErrorCode.LoginRequired) {
        const stored = await store.get<TokenSet>(keys.session).catch(() => undefined)
        // A new sign-in may have replaced the session meanwhile: take it rather than sign out.
        if (stored && stored.accessToken !== tokens?.accessToken) adopt(stored)
        else if (tokens) endLocally(tokens.refreshExpiresAt !== undefined ? 'expired' : 'logout')
      } else if (tokens) {
        // Outages, and failures that say nothing about the tokens (a 502 page at discovery, a
        // storage hiccup): keep the session, show the error, retry later.
        failedRefreshes++
        setSnapshot(signedIn(tokens, authError, currentChallenge()))
        scheduleSessionCheck(tokens, backoffDelay(failedRefreshes))
      }
      throw authError
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
      const intentParams = intentAuthorizeParams(options.provider.intents, loginOptions.intent)
      const responseType = options.provider.legacyImplicit ? 'token' : 'code'
      const server = await getServer()
      const request = await createAuthorizationRequest(server, {
        responseType,
        clientId,
        redirectUri,
        scope: requestedScope.join(scopeSeparator),
        openid: options.provider.openIdConnect !== false && requestedScope.includes('openid'),
        extraParams: { ...options.provider.authorizeParams, ...loginOptions.params, ...intentParams },
        authorizationDetails: loginOptions.authorizationDetails,
      })
      const usePar = options.par === true || server.require_pushed_authorization_requests === true
      const authorizationUrl = usePar
        ? await pushAuthorizationRequest(server, clientId, request.url.searchParams, await tokenHttp())
        : request.url
      const createdAt = now()
      const transaction: LoginTransaction = {
        state: request.state,
        responseType,
        codeVerifier: request.codeVerifier,
        intent: loginOptions.intent,
        nonce: request.nonce,
        redirectUri,
        scope: requestedScope,
        returnTo,
        createdAt,
        expiresAt: createdAt + loginTransactionLifetimeMs,
      }
      await store.set(keys.login(request.state), transaction)
      await navigator.assign(authorizationUrl.href)
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
    const state = (fragmentParams(callbackUrl) ?? callbackUrl.searchParams).get('state') ?? ''
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
    // The check and the claim run under the cross-tab lock: one callback URL open in two tabs
    // completes in one of them only.
    const transaction = await lock.run(`${refreshLockName}:callback:${state}`, () => claimLoginTransaction(state))
    const server = await getServer()
    const tokens = await tokensFromCallback(server, url, transaction)
    const next: TokenSet = transaction.intent ? { ...tokens, intent: transaction.intent } : tokens
    await store.set(keys.session, next)
    channel.post({ type: 'sessionChanged' })
    adopt(next)
    return { returnTo: toAppPath(transaction.returnTo, appOrigin), session: sessionOf(snapshot) }
  }

  /** The pending sign-in `state` names, marked used; a typed error when there is none to use. */
  async function claimLoginTransaction(state: string): Promise<LoginTransaction> {
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
    // Claimed before any network call, so a replay cannot race this one.
    await store.set(keys.login(state), { ...transaction, usedAt: now() } satisfies LoginTransaction)
    return transaction
  }

  /** Redeems the code, or (legacy implicit) reads the tokens from the fragment. */
  async function tokensFromCallback(
    server: AuthorizationServer,
    url: URL,
    transaction: LoginTransaction,
  ): Promise<TokenSet> {
    const fragment = fragmentParams(url)
    if (transaction.responseType === 'token') {
      if (!fragment) {
        throw new AuthError(AuthErrorCode.InvalidResponse, 'The implicit response carries no fragment', {
          cause: { url: url.href },
        })
      }
      const iss = fragment.get('iss')
      if (iss !== null && iss !== server.issuer) {
        throw new AuthError(AuthErrorCode.IssuerMismatch, `The response comes from ${iss}, not ${server.issuer}`, {
          cause: { iss },
        })
      }
      return implicitTokens(fragment, { requestedScope: transaction.scope, scopeSeparator, now: now() })
    }
    if (fragment?.has('access_token') || transaction.codeVerifier === undefined) {
      throw new AuthError(AuthErrorCode.InvalidResponse, 'A token arrived in the fragment of a code-flow sign-in', {
        cause: { url: url.origin + url.pathname },
      })
    }
    const params = validateAuthorizationResponse(server, clientId, url, transaction.state)
    return exchangeCode(
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
      await tokenHttp(),
    )
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
    // An implicit response's token sits in the fragment: it must not stay in history.
    if (fragmentParams(clean)) clean.hash = ''
    navigator.replace(clean.href)
  }

  function getAccessToken(): Promise<string> {
    return run(async () => {
      await start()
      const current = tokens
      if (!current) {
        throw new AuthError(AuthErrorCode.LoginRequired, 'There is no session; sign in first', {
          cause: { status: snapshot.status },
        })
      }
      if (isFresh(current, now())) return current.accessToken
      if (!canRefresh(current)) {
        if (now() < current.expiresAt) return current.accessToken
        await store.delete(keys.session)
        endLocally('expired')
        throw new AuthError(AuthErrorCode.LoginRequired, 'The session has expired; sign in again', {
          cause: { expiresAt: current.expiresAt },
        })
      }
      try {
        return (await refresh()).accessToken
      } catch (error) {
        // Stale is not expired: while the server is unreachable, the old token still works.
        if (isTransient(error) && tokens && now() < tokens.expiresAt) return tokens.accessToken
        // The session is over (refused, revoked, signed out meanwhile): the snapshot says why.
        if (snapshot.status === 'signedOut') {
          throw new AuthError(AuthErrorCode.LoginRequired, 'The session has ended; sign in again', { cause: error })
        }
        throw error
      }
    }, 'Getting an access token failed')
  }

  function logout(logoutOptions: LogoutOptions = {}): Promise<void> {
    return run(async () => {
      const landing = toAppPath(logoutOptions.returnTo ?? postLogoutRedirectUri, appOrigin)
      const ending = tokens ?? (await store.get<TokenSet>(keys.session))
      await store.delete(keys.session)
      channel.post({ type: 'sessionChanged' })
      endLocally('logout')
      let server: AuthorizationServer | undefined
      try {
        server = await getServer()
        if (ending?.refreshToken && typeof server.revocation_endpoint === 'string') {
          await revokeToken(server, clientId, ending.refreshToken, {
            ...plainHttp,
            signal: () => AbortSignal.timeout(revocationTimeoutMs),
          })
        }
      } catch (error) {
        // Signed out here all the same; say what the server did not hear.
        setSnapshot(signedOut('logout', toAuthError(error, AuthErrorCode.NetworkError, 'Revocation failed')))
        server = undefined
      }
      const landingUrl = new URL(landing, appOrigin).href
      const endSession =
        logoutOptions.endSession !== false && server
          ? endSessionUrl(server, { clientId, idToken: ending?.idToken, postLogoutRedirectUri: landingUrl })
          : undefined
      if (endSession) await navigator.assign(endSession.href)
      else if (logoutOptions.returnTo !== undefined) await navigator.assign(landingUrl)
    }, 'Signing out failed')
  }

  function exchange(exchangeOptions: TokenExchangeOptions = {}): Promise<ExchangedToken> {
    return run(async () => {
      const subjectToken = exchangeOptions.subjectToken ?? (await getAccessToken())
      return exchangeToken(
        await getServer(),
        clientId,
        subjectToken,
        exchangeOptions,
        { scopeSeparator, now: now() },
        await tokenHttp(),
      )
    }, 'The token exchange failed')
  }

  function authFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    return run(
      () =>
        authorizedFetch(
          {
            accessToken: getAccessToken,
            async replaceRejectedToken(rejected) {
              if (tokens && canRefresh(tokens)) await refresh(rejected)
            },
            http: () => (tokens?.tokenType === 'DPoP' ? tokenHttp() : Promise.resolve(plainHttp)),
            completeSca: (details, signal) => scaChallenges.enqueue(details, signal),
            requireStepUp(requirement) {
              pendingStepUp = { kind: 'stepUp', ...requirement }
              publishChallenge()
              return new StepUpRequiredError(requirement, { cause: requirement })
            },
            baseUrl() {
              try {
                return navigator.currentUrl()
              } catch {
                return undefined
              }
            },
          },
          input,
          init,
        ),
      'The request failed',
    )
  }

  function stepUp(stepUpOptions: Pick<LoginOptions, 'returnTo'> = {}): Promise<void> {
    const requirement = pendingStepUp
    const grantedScope = snapshot.status === 'signedIn' ? snapshot.session.scope : scope
    const wantedScope = [...new Set([...grantedScope, ...(requirement?.scope ?? [])])]
    return login({
      ...(stepUpOptions.returnTo !== undefined ? { returnTo: stepUpOptions.returnTo } : {}),
      scope: wantedScope,
      params: {
        ...(requirement?.acrValues ? { acr_values: requirement.acrValues.join(' ') } : {}),
        ...(requirement?.maxAge !== undefined ? { max_age: String(requirement.maxAge) } : {}),
      },
    })
  }

  function cancelChallenge(): void {
    if (scaChallenges.current()) {
      scaChallenges.cancel()
      return
    }
    pendingStepUp = undefined
    publishChallenge()
  }

  function dispose(): void {
    disposed = true
    scaChallenges.cancelAll()
    clearTimeout(sessionTimer)
    for (const detach of detachers.splice(0)) detach()
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
    exchangeToken: exchange,
    fetch: authFetch,
    verifyChallenge: (attempt) => scaChallenges.verify(attempt),
    resendChallenge: (channel) => scaChallenges.resend(channel),
    cancelChallenge,
    stepUp,
    dispose,
  }
}

function sessionOf(snapshot: AuthSnapshot): Session {
  if (snapshot.status !== 'signedIn') throw new Error('unreachable: not signed in')
  return snapshot.session
}
