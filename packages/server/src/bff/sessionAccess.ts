import { ServerAuthError, ServerErrorCode, ServerOAuthError } from '../errors.ts'
import { deleteChunkedCookie, readChunkedCookie, writeChunkedCookie } from '../http/chunkedCookie.ts'
import { readCookies } from '../http/cookies.ts'
import { type BffSession, needsRefresh } from '../sessions/bffSession.ts'
import type { SessionStore, StoredSession } from '../sessions/sessionStore.ts'
import type { ProtocolClient } from './protocolClient.ts'
import { sessionAfterRefresh } from './sessionFromTokens.ts'

/** What session access needs from the BFF. */
export interface SessionAccessDeps {
  readonly store: SessionStore
  readonly protocol: Pick<ProtocolClient, 'refresh'>
  readonly now: () => number
  /** With its `__Host-` prefix when served over https. */
  readonly cookieName: string
  readonly sameSite: 'Strict' | 'Lax'
}

/** The session a request carries, if any, and the cookie value it came in. */
export interface CurrentSession {
  readonly session: BffSession | undefined
  readonly cookieValue: string | undefined
}

/** A session with a usable access token, or why there is none; with the cookies to set either way. */
export type FreshSession =
  | { readonly ok: true; readonly session: BffSession; readonly setCookies: readonly string[] }
  | { readonly ok: false; readonly error: ServerAuthError; readonly setCookies: readonly string[] }

/**
 * Reads, keeps and ends sessions through the configured store and the session cookie, and
 * refreshes the access token when it is stale: one refresh per session however many requests ask
 * (the store decides how far "one" reaches: this process, or every instance sharing Redis).
 */
export function sessionAccess(deps: SessionAccessDeps) {
  const attributes = { sameSite: deps.sameSite }

  async function read(request: Request): Promise<CurrentSession> {
    const { value } = readChunkedCookie(readCookies(request), deps.cookieName)
    if (value === undefined) return { session: undefined, cookieValue: undefined }
    const session = await fromStore(() => deps.store.load(value))
    return { session: session && session.expiresAt > deps.now() ? session : undefined, cookieValue: value }
  }

  /** `Set-Cookie` values that point the browser at `stored`, if it does not already. */
  function keep(stored: StoredSession, current?: CurrentSession): string[] {
    if (stored.cookieValue === current?.cookieValue) return []
    const maxAge = (stored.session.expiresAt - deps.now()) / 1000
    return writeChunkedCookie(deps.cookieName, stored.cookieValue, { ...attributes, maxAge })
  }

  function forget(): string[] {
    return deleteChunkedCookie(deps.cookieName, attributes)
  }

  async function fresh(request: Request): Promise<FreshSession> {
    const current = await read(request)
    const { session } = current
    if (!session) {
      const error = new ServerAuthError(ServerErrorCode.NotSignedIn, 'Not signed in', { cause: { session: 'none' } })
      return { ok: false, error, setCookies: current.cookieValue === undefined ? [] : forget() }
    }
    if (!needsRefresh(session, deps.now())) return { ok: true, session, setCookies: [] }
    try {
      const stored = await fromStore(() =>
        deps.store.refreshExclusively(session, async (latest) => {
          if (!needsRefresh(latest, deps.now())) return latest
          if (!latest.refreshToken) throw expired('The access token expired and the provider granted no refresh token')
          const tokens = await deps.protocol.refresh(latest.refreshToken)
          return sessionAfterRefresh(latest, tokens, deps.now())
        }),
      )
      return { ok: true, session: stored.session, setCookies: keep(stored, current) }
    } catch (error) {
      if (error instanceof ServerOAuthError && error.error === 'invalid_grant') {
        // The provider ended the grant (revoked, expired, reused): so does the BFF.
        await fromStore(() => deps.store.destroy(session))
        return { ok: false, error: expired('The provider no longer renews this session'), setCookies: forget() }
      }
      if (error instanceof ServerAuthError && error.code === ServerErrorCode.NotSignedIn) {
        return { ok: false, error, setCookies: forget() }
      }
      if (error instanceof ServerAuthError && error.code === ServerErrorCode.SessionExpired) {
        return { ok: false, error, setCookies: forget() }
      }
      // Network or provider trouble: the session stays, the SPA may try again.
      throw error
    }
  }

  /** Ends the session in the store and deletes its cookies. */
  async function end(session: BffSession): Promise<string[]> {
    await fromStore(() => deps.store.destroy(session))
    return forget()
  }

  return { read, keep, forget, fresh, end }
}

/** Session access of one BFF. */
export type SessionAccess = ReturnType<typeof sessionAccess>

function expired(message: string): ServerAuthError {
  return new ServerAuthError(ServerErrorCode.SessionExpired, message, { cause: { refresh: 'refused' } })
}

/** Store failures (Redis unreachable...) become `server_error` without the client's own error text. */
async function fromStore<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof ServerAuthError) throw error
    throw new ServerAuthError(ServerErrorCode.ServerError, 'The session store failed', {
      cause: { name: error instanceof Error ? error.name : typeof error },
    })
  }
}
