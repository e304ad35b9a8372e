import { authError, OAuthResponseError } from '../errors.ts'
import { httpOptions } from '../oauth/httpOptions.ts'
import type { Connection, ConnectionContext } from '../providers/connection.ts'
import type { TokenSet, UserClaims } from '../tokenSet.ts'

/** The backend's session route (`GET {url}/session`): who is signed in, never a token. */
interface SessionView {
  readonly signedIn: boolean
  readonly user?: UserClaims
  readonly intent?: TokenSet['intent']
}

/** The backend's access-token route (`GET {url}/access-token`): a short-lived token, in the core's shape. */
interface AccessTokenView {
  readonly accessToken: string
  readonly tokenType: string
  readonly expiresAt: number
  readonly scope: readonly string[]
}

/**
 * The browser as the front of a backend-for-frontend (@payauth/server's `createBff`): the backend
 * holds the client secret and the refresh token, completes sign-ins, and hands this client only
 * short-lived access tokens. Every request carries the backend's cookie and its CSRF header.
 */
export function backendConnection(base: URL, csrfHeader: string, context: ConnectionContext): Connection {
  const route = (name: string) => new URL(`${base.pathname.replace(/\/$/, '')}/${name}`, base)
  /**
   * The backend's clock minus this browser's, from its `Date` header: expiry times come on the
   * backend's clock, and a browser clock ahead by more than the staleness leeway would find every
   * token stale on arrival and ask again at once, in a loop. The header counts whole seconds:
   * taking the end of that second errs towards a shorter-lived token; within that second the
   * clocks agree as far as anyone can tell, and nothing is corrected.
   */
  let backendClockOffset = 0

  async function call<T>(name: string, init: RequestInit = {}, query: Record<string, string> = {}): Promise<T> {
    const url = route(name)
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value)
    let response: Response
    try {
      response = await context.fetch(url, {
        ...init,
        credentials: 'include',
        headers: { accept: 'application/json', [csrfHeader]: '1' },
      })
    } catch (error) {
      throw authError('network_error', `The backend at ${url.origin} could not be reached`, error)
    }
    const backendNow = Date.parse(response.headers.get('date') ?? '')
    if (!Number.isNaN(backendNow)) {
      const mostAhead = backendNow + 1000 - context.now()
      backendClockOffset = mostAhead > 0 && mostAhead <= 1000 ? 0 : mostAhead
    }
    const body = (await response.json().catch(() => undefined)) as { error?: unknown; message?: unknown } | undefined
    if (response.ok && body) return body as T
    if (response.status >= 500 || typeof body?.error !== 'string') {
      throw authError('server_error', `The backend answered ${response.status}`, {
        status: response.status,
        route: name,
      })
    }
    // The backend has no session for this browser (signed out elsewhere, revoked, expired): the
    // grant is refused, which ends the session here too. Anything else (a refused CSRF check, a
    // bad request) is a verdict on the call, not on the session.
    const refusal = response.status === 401
    throw new OAuthResponseError(
      'token_error',
      {
        error: refusal ? 'invalid_grant' : body.error,
        errorDescription: `${body.error}${typeof body.message === 'string' ? `: ${body.message}` : ''}`,
        status: response.status,
      },
      { cause: { route: name } },
    )
  }

  async function accessToken(session: Pick<TokenSet, 'user' | 'intent'>): Promise<TokenSet> {
    const view = await call<AccessTokenView>('access-token')
    return {
      accessToken: view.accessToken,
      tokenType: view.tokenType,
      // Counted from now: the staleness rule then renews well before the backend's expiry.
      issuedAt: context.now(),
      expiresAt: view.expiresAt - backendClockOffset,
      scope: view.scope,
      // A sign-in without ID token (a bank intent) has no user: @payauth/server says `{}`, which
      // the store would refuse as a malformed user, so it is no user here.
      user: typeof session.user?.sub === 'string' ? session.user : undefined,
      intent: session.intent,
    }
  }

  /**
   * The backend completes sign-ins itself and, when one fails, sends the browser back with
   * `payauthError` (and the provider's `oauthError`) in the query: say so as a typed error, once.
   */
  function reportFailedSignIn(): void {
    let here: URL
    try {
      here = new URL(context.navigator.currentUrl())
    } catch {
      return
    }
    const code = here.searchParams.get('payauthError')
    if (!code) return
    const oauthError = here.searchParams.get('oauthError')
    here.searchParams.delete('payauthError')
    here.searchParams.delete('oauthError')
    context.navigator.replace(here.href)
    throw new OAuthResponseError(
      // As a sign-in without a backend reports a step-up the server ignored.
      code === 'step_up_not_met' ? code : 'authorization_error',
      { error: oauthError ?? code, errorDescription: `The backend could not complete the sign-in (${code})` },
      { cause: { payauthError: code } },
    )
  }

  /**
   * Ends the backend's session. Until the backend confirms, a note in the store says a sign-out is
   * owed: the backend's session outlives this page, and a reload would otherwise sign the user who
   * asked to leave (on a shared computer, say) back in.
   */
  async function logOutAtBackend(returnTo: string): Promise<URL> {
    const owed = context.names.pendingLogoutKey
    await context.store.set(owed, true).catch(() => {})
    const view = await call<{ logoutUrl: string }>('logout', { method: 'POST' }, { returnTo })
    await context.store.delete(owed).catch(() => {})
    return new URL(view.logoutUrl, base)
  }

  /**
   * Sends a sign-out still owed, and says whether one was: then no session is restored, whether or
   * not the backend hears it this time.
   */
  async function sendOwedLogout(): Promise<boolean> {
    if ((await context.store.get(context.names.pendingLogoutKey).catch(() => undefined)) !== true) return false
    await logOutAtBackend('/').catch(() => {})
    return true
  }

  const plain = httpOptions(base, context.fetch)
  /** Set in the tab that leaves for a sign-in at the backend; taken when it comes back. */
  const leftToSignIn = tabMark(context.names.pendingSignInKey)
  return {
    source: {
      // The backend renews while its own session lives; when it ends, it says so.
      renewable: () => true,
      renew: accessToken,
      // The backend keeps the refresh token: nothing here to revoke.
      discard: async () => {},
      restoreFirst: () => leftToSignIn.take(),
      async restore() {
        if (await sendOwedLogout()) return undefined
        const session = await call<SessionView>('session')
        return session.signedIn ? accessToken(session) : undefined
      },
    },
    async authorize(request) {
      if (request.appState !== undefined || request.popup || request.intent) {
        throw authError(
          'invalid_config',
          "Through a backend, sign-ins are redirects without appState; intents start at the backend's intents route",
          { provider: 'backend' },
        )
      }
      // The backend's configuration decides what a sign-in asks for, and the backend sends no scope
      // or details it was not told to: asking for more scope (an RFC 9470 step-up) or for a payment's
      // details, and being signed in to neither unsaid, would fail the call that needed them again.
      const session = await context.sessions.read().catch(() => undefined)
      const known = new Set([...context.scope, ...(session?.scope ?? [])])
      const beyond = request.scope.filter((scope) => !known.has(scope))
      if (beyond.length > 0 || request.authorizationDetails) {
        throw authError('invalid_config', "The backend decides a sign-in's scope and authorization details", {
          provider: 'backend',
          scope: beyond,
        })
      }
      // A new sign-in replaces the backend's session: a sign-out still owed is moot, and the stored
      // token will be the old session's (a step-up's would be used until it expired). This tab,
      // coming back, asks the backend first; the other tabs keep the old session until it stores the new one.
      await context.store.delete(context.names.pendingLogoutKey).catch(() => {})
      leftToSignIn.set()
      const url = route('login')
      for (const [name, value] of Object.entries(request.params)) url.searchParams.set(name, value)
      url.searchParams.set('returnTo', request.returnTo)
      // The backend keeps the state: the app has none to remember.
      return { url, state: '' }
    },
    async completeCallback() {
      throw authError('invalid_config', 'The backend completes sign-ins; the app has no callback route', {
        provider: 'backend',
      })
    },
    async endSession(_ending, landingUrl) {
      const landing = new URL(landingUrl)
      return logOutAtBackend(landing.pathname + landing.search + landing.hash)
    },
    // A sign-in the backend failed is reported once the session it leaves is restored.
    settleSignIns: async () => reportFailedSignIn(),
    resourceHttp: async () => plain,
  }
}

/**
 * A mark in this tab's `sessionStorage`, which outlives the trip to the backend and back but not
 * the tab, and is not seen by other tabs. Without one (a sandboxed frame, Node), nothing is marked.
 */
function tabMark(key: string) {
  const storage = () => {
    try {
      return globalThis.sessionStorage
    } catch {
      return undefined
    }
  }
  return {
    set(): void {
      try {
        storage()?.setItem(key, '1')
      } catch {}
    },
    /** Whether the mark was set, removing it. */
    take(): boolean {
      try {
        const marked = storage()?.getItem(key) === '1'
        if (marked) storage()?.removeItem(key)
        return marked
      } catch {
        return false
      }
    },
  }
}
