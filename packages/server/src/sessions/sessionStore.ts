import type { BffSession } from './bffSession.ts'
import type { KeyRing } from './keyRing.ts'

/** A session as the store saved it, and the cookie value that refers to it from now on. */
export interface StoredSession {
  /** The session as kept; after a refresh, the newest copy, which may be another request's result. */
  readonly session: BffSession
  /** What goes into the session cookie: the sealed session itself, or an opaque reference to it. */
  readonly cookieValue: string
}

/**
 * Where the BFF keeps sessions. The cookie store (the default) keeps the whole session in an
 * encrypted cookie and needs no shared state; a server-side store (Redis) keeps it on the server
 * behind an opaque cookie, so logout ends it everywhere and instances share one refresh.
 */
export interface SessionStore {
  /** The session a cookie value refers to; undefined when missing, tampered, expired or revoked. */
  load(cookieValue: string): Promise<BffSession | undefined>
  /** Keeps a new session and tells which cookie value refers to it. */
  save(session: BffSession): Promise<StoredSession>
  /** Ends the session wherever it is kept, so no instance accepts its cookie again. */
  destroy(session: BffSession): Promise<void>
  /**
   * Runs `refresh` for this session with no other refresh of it running (in this process, and
   * for server-side stores on every instance), and keeps its result. `refresh` receives the
   * newest saved copy; a caller holding an older copy than the newest gets the newest back
   * without `refresh` running again, which is how one expiry makes one refresh.
   */
  refreshExclusively(session: BffSession, refresh: (latest: BffSession) => Promise<BffSession>): Promise<StoredSession>
}

/** What the BFF hands a session store when it creates it. */
export interface SessionStoreDeps {
  /** The BFF's session keys: seals cookies, and records at rest in server-side stores. */
  readonly keyRing: KeyRing
  /** Current time, epoch milliseconds. */
  readonly now: () => number
}

/** Creates the BFF's session store from the BFF's keys and clock; `cookieSessionStore` is one. */
export type SessionStoreFactory = (deps: SessionStoreDeps) => SessionStore
