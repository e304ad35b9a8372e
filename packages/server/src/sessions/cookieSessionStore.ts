import type { BffSession } from './bffSession.ts'
import { refreshFlights } from './refreshFlights.ts'
import type { SessionStore, SessionStoreDeps, StoredSession } from './sessionStore.ts'

/** The audience of sealed sessions: a login transaction or a Redis record never opens as one. */
export const sessionCookiePurpose = 'payauth-bff:session'

/**
 * The default store: the whole session, encrypted, is the cookie value. No shared state, so
 * nothing to run beside the BFF; the price is that logout cannot reach a copy of the cookie kept
 * elsewhere (it stays usable until it expires, though its refresh token is revoked), and one
 * refresh per expiry holds per instance only. Use a server-side store for several instances.
 */
export function cookieSessionStore(deps: SessionStoreDeps): SessionStore {
  const share = refreshFlights<StoredSession>({ now: deps.now, rememberForMs: 30_000 })

  async function save(session: BffSession): Promise<StoredSession> {
    return { session, cookieValue: await deps.keyRing.seal({ session }, sessionCookiePurpose, session.expiresAt) }
  }

  return {
    async load(cookieValue) {
      const payload = await deps.keyRing.open(cookieValue, sessionCookiePurpose)
      return payload ? (payload.session as BffSession) : undefined
    },
    save,
    async destroy() {
      // Nothing is kept on the server: clearing the cookie is all there is.
    },
    refreshExclusively(session, refresh) {
      return share(session, async (latest) => save(await refresh(latest)))
    },
  }
}
