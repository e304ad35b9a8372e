import type { AuthClient, AuthClientOptions, LoginOptions } from './authClientTypes.ts'
import { clientEnvironment } from './clientEnvironment.ts'
import { authError, isAuthError } from './errors.ts'
import { authorizedFetch } from './fetch/authorizedFetch.ts'
import { clientChallenges } from './fetch/clientChallenges.ts'
import { currentAppPath, currentUrl } from './navigation/currentPage.ts'
import { toAppPath } from './navigation/returnTo.ts'
import { sessionEngine } from './session/sessionEngine.ts'
import { sessionStore } from './session/sessionStore.ts'
import { checkedAppState } from './signIn/appState.ts'
import { callbackHandler } from './signIn/callbackHandler.ts'
import { signOut } from './signIn/signOut.ts'
import type { AuthSnapshot } from './snapshot.ts'
import { snapshotStore } from './snapshotStore.ts'

export type { AuthClient }

/**
 * Creates the app's sign-in client: one per app and provider, created outside React. It restores
 * the session on `start()`, keeps it fresh across tabs, and hands out tokens. The client wires
 * modules that each own one concern; see docs/architecture.md. Options that cannot work throw at
 * once: `invalid_config`, or `insecure_url` for a plain-http URL off loopback.
 * @example
 * ```ts
 * import { createAuthClient, pace } from '@payauth/core'
 *
 * const auth = createAuthClient({
 *   provider: pace({ environment: 'production' }),
 *   clientId: 'my-spa',
 *   redirectUri: new URL('/callback', location.origin).href,
 *   scope: ['openid', 'payment:payment-methods:read:authenticated'],
 * })
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc6749 OAuth 2.0, as a public client
 * @see https://www.rfc-editor.org/rfc/rfc7636 PKCE (S256) on every code-flow sign-in
 * @see https://www.rfc-editor.org/rfc/rfc9700 OAuth 2.0 Security Best Current Practice
 */
export function createAuthClient<KnownScope extends string, const Scope extends string = KnownScope>(
  options: AuthClientOptions<KnownScope, Scope>,
): AuthClient {
  const env = clientEnvironment(options)
  const { appOrigin, navigator, now } = env
  const sessions = sessionStore(env)
  const snapshots = snapshotStore()
  const { run } = snapshots
  const connection = options.provider.connect({ ...env, sessions, features: options })
  const challenges = clientChallenges(options, {
    now,
    accessToken: () => getAccessToken(),
    login,
    clientScope: env.scope,
    grantedScope() {
      const snapshot = snapshots.getSnapshot()
      return snapshot.status === 'signedIn' ? snapshot.session.scope : env.scope
    },
    dispatch: snapshots.dispatch,
  })
  const engine = sessionEngine({
    store: sessions,
    source: connection.source,
    lock: env.lock,
    lockName: env.names.refreshLock,
    now,
    snapshot: snapshots.getSnapshot,
    dispatch: snapshots.dispatch,
    // Another tab changed the session, or this one woke up.
    changes: [(onChange) => env.channel.subscribe(onChange), env.wakeEvents],
    ended: challenges.end,
  })
  let started: Promise<void> | undefined
  let pendingLogin: Promise<void> | undefined
  /** Sign-ins this window runs in a popup: their callbacks are completed here, not relayed. */
  const ownPopups = new Set<string>()

  function start(): Promise<void> {
    started ??= run(async () => {
      engine.follow()
      await Promise.all([engine.restore(), connection.settleSignIns()])
    }, 'Restoring the session failed').catch((error: unknown) => {
      started = undefined
      throw error
    })
    return started
  }

  /** Prepares a sign-in: the request checked and remembered, and where to send the user. */
  function authorize(loginOptions: LoginOptions, popup: boolean) {
    return connection.authorize({
      returnTo: toAppPath(loginOptions.returnTo ?? currentAppPath(navigator, appOrigin), appOrigin),
      scope: loginOptions.scope ?? env.scope,
      params: loginOptions.params ?? {},
      authorizationDetails: loginOptions.authorizationDetails,
      intent: loginOptions.intent,
      appState: checkedAppState(loginOptions.appState),
      popup,
    })
  }

  function login(loginOptions: LoginOptions = {}): Promise<void> {
    // A redirect leaves the page, and with it a sign-in kept only in its memory (IndexedDB
    // unavailable): a browser navigator that can (popupNavigator()) signs in in a popup instead.
    if (!sessions.persistent() && navigator.authenticate && navigator.relayCallback) {
      return loginWithPopup(loginOptions).then(() => undefined)
    }
    pendingLogin ??= run(async () => {
      await navigator.assign((await authorize(loginOptions, false)).url.href)
    }, 'Starting the sign-in failed').finally(() => {
      pendingLogin = undefined
    })
    return pendingLogin
  }

  function loginWithPopup(
    options: LoginOptions & { readonly fallbackToRedirect?: boolean; readonly signal?: AbortSignal } = {},
  ) {
    return run(async () => {
      const { authenticate } = navigator
      if (!authenticate) throw authError('invalid_config', 'This navigator has no popup', { popup: false })
      // Handed over before anything is awaited, so a browser can open the popup within the click.
      const signIn = authorize(options, true).then(({ url, state }) => {
        ownPopups.add(state)
        return { url: url.href, state }
      })
      try {
        return await handleCallback(
          await authenticate(signIn, { redirectUri: env.redirectUri, signal: options.signal }),
        )
      } catch (error) {
        if (!isAuthError(error) || error.code !== 'popup_blocked' || options.fallbackToRedirect === false) {
          throw error
        }
        // A fresh sign-in, not the popup's: its callback page must complete it, not relay it to an opener.
        await navigator.assign((await authorize(options, false)).url.href)
        return undefined
      } finally {
        signIn.then(({ state }) => ownPopups.delete(state)).catch(() => {})
      }
    }, 'Signing in in a popup failed')
  }

  const handleCallback = callbackHandler({
    navigator,
    run,
    async complete(url, state) {
      // Only a navigator that can relay (popupNavigator()) needs the pending sign-in before it is
      // claimed: a full-page redirect's callback page saves itself a read of the store.
      const pending = ownPopups.has(state) || !navigator.relayCallback ? undefined : await sessions.peekLogin(state)
      // In the popup a sign-in was started for: the window that opened it completes it.
      if (pending?.popup && navigator.relayCallback?.(url.href, state)) return new Promise<never>(() => {})
      // A popup whose store is its own memory cannot see the sign-in its opener keeps: hand the
      // callback over all the same, then fail as a page that started none (a popup closes meanwhile).
      if (!pending && !ownPopups.has(state) && !sessions.persistent()) navigator.relayCallback?.(url.href, state)
      const { tokens, returnTo, appState } = await connection.completeCallback(url, state)
      await sessions.write(tokens)
      engine.adopt(tokens)
      // Adopting always signs in.
      const { session } = snapshots.getSnapshot() as Extract<AuthSnapshot, { status: 'signedIn' }>
      return { returnTo: toAppPath(returnTo, appOrigin), session, appState }
    },
  })

  function getAccessToken(): Promise<string> {
    return run(async () => {
      await start()
      return engine.accessToken()
    }, 'Getting an access token failed')
  }

  const signOutDeps = {
    appOrigin,
    landing: env.postLogoutRedirectUri,
    sessions,
    engine,
    endSession: connection.endSession,
    navigator,
    dispatch: snapshots.dispatch,
  }
  const fetchDeps = {
    accessToken: getAccessToken,
    async replaceRejectedToken(rejected: string) {
      const current = engine.current()
      if (current && connection.source.renewable(current, now())) await engine.refresh(rejected)
    },
    http: () => connection.resourceHttp(engine.current()),
    sca: challenges.sca,
    stepUp: challenges.stepUp,
    baseUrl: () => currentUrl(navigator),
    allowedOrigins: env.resourceOrigins,
  }

  return {
    subscribe: snapshots.subscribe,
    getSnapshot: snapshots.getSnapshot,
    start,
    ready: () => start().then(snapshots.getSnapshot, snapshots.getSnapshot),
    login,
    loginWithPopup,
    handleCallback,
    getAccessToken,
    logout: (logoutOptions = {}) => run(() => signOut(signOutDeps, logoutOptions), 'Signing out failed'),
    exchangeToken: (exchangeOptions = {}) =>
      run(async () => {
        const { tokenExchange } = options
        if (!tokenExchange || !connection.protocol) {
          throw authError('invalid_config', 'This needs the tokenExchange option', { feature: 'exchange' })
        }
        const subjectToken = exchangeOptions.subjectToken ?? (await getAccessToken())
        return tokenExchange.exchange(connection.protocol, subjectToken, exchangeOptions, now())
      }, 'The token exchange failed'),
    fetch: (input, init) => run(() => authorizedFetch(fetchDeps, input, init), 'The request failed'),
    ...challenges.actions,
    clearError: () => snapshots.dispatch({ type: 'errorCleared' }),
    dispose() {
      engine.dispose()
      challenges.end()
    },
  }
}
