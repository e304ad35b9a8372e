import { base64url } from 'jose'
import { ServerAuthError, ServerErrorCode } from '../errors.ts'
import type { BffSession } from './bffSession.ts'
import type { RedisCommands } from './redisCommands.ts'
import { acquireRedisLock } from './redisLock.ts'
import { refreshFlights } from './refreshFlights.ts'
import type { SessionStore, SessionStoreDeps, SessionStoreFactory, StoredSession } from './sessionStore.ts'

/** How to reach Redis and name the BFF's keys there. */
export interface RedisSessionStoreOptions {
  /** A connected client: node-redis's `createClient()` fits as it is (see `RedisCommands`). */
  readonly client: RedisCommands
  /** Prefix of every key the store writes; default `payauth:bff:`. Give each BFF its own. */
  readonly keyPrefix?: string
  /**
   * Longest a refresh may hold a session's lock, in milliseconds (default 15 000). If an instance
   * dies mid-refresh, others wait this long at most. Keep it above the provider's token timeout.
   */
  readonly lockTtlMs?: number
}

/** The audience of sealed Redis records: they never open as a cookie or a login transaction. */
const recordPurpose = 'payauth-bff:redis-session'
const sessionIdPattern = /^[\w-]{43}$/
const waitStepMs = 50

/**
 * Sessions in Redis, for BFFs on several instances. The cookie holds only the session id; Redis
 * holds the session under the id's SHA-256 (so a Redis dump yields no usable cookie), encrypted
 * with the BFF's session keys (so it yields no refresh token either). Logout deletes the record:
 * every instance refuses the cookie from then on. A refresh takes a per-session Redis lock
 * (`SET NX PX` with a random token, released by compare-and-delete), and instances that find it
 * taken wait for the holder's result, so one expiry makes one refresh across all instances.
 * Records expire in Redis with the session (`sessionMaxAge`).
 *
 * @example
 * ```ts
 * import { createClient } from 'redis'
 *
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect()
 * const bff = createBff({
 *   ...options,
 *   sessionStore: redisSessionStore({ client: redis, keyPrefix: 'shop:bff:' }),
 * })
 * ```
 */
export function redisSessionStore(options: RedisSessionStoreOptions): SessionStoreFactory {
  const { client } = options
  const prefix = options.keyPrefix ?? 'payauth:bff:'
  const lockTtlMs = options.lockTtlMs ?? 15_000

  return (deps: SessionStoreDeps): SessionStore => {
    const share = refreshFlights<StoredSession>({ now: deps.now, rememberForMs: 30_000 })

    async function lookupKey(id: string): Promise<string> {
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(id))
      return base64url.encode(new Uint8Array(digest))
    }

    async function read(id: string): Promise<BffSession | undefined> {
      if (!sessionIdPattern.test(id)) return undefined
      const sealed = await client.get(`${prefix}session:${await lookupKey(id)}`)
      if (sealed === null) return undefined
      const payload = await deps.keyRing.open(sealed, recordPurpose)
      const session = payload?.session as BffSession | undefined
      // The record must be the one this id names: a record copied under another key is refused.
      return session?.id === id ? session : undefined
    }

    async function write(session: BffSession): Promise<StoredSession> {
      const ttl = Math.max(1, session.expiresAt - deps.now())
      const sealed = await deps.keyRing.seal({ session }, recordPurpose, session.expiresAt)
      await client.set(`${prefix}session:${await lookupKey(session.id)}`, sealed, {
        expiration: { type: 'PX', value: ttl },
      })
      return { session, cookieValue: session.id }
    }

    async function newest(session: BffSession): Promise<StoredSession | undefined> {
      const latest = await read(session.id)
      if (!latest) throw signedOutElsewhere()
      return latest.version > session.version ? { session: latest, cookieValue: latest.id } : undefined
    }

    async function refreshAcrossInstances(
      session: BffSession,
      refresh: (latest: BffSession) => Promise<BffSession>,
    ): Promise<StoredSession> {
      const lockKey = `${prefix}refresh-lock:${await lookupKey(session.id)}`
      const attempts = Math.ceil(lockTtlMs / waitStepMs) + 1
      for (let attempt = 0; attempt <= attempts; attempt++) {
        const lock = await acquireRedisLock(client, lockKey, lockTtlMs)
        if (lock) {
          try {
            const latest = await read(session.id)
            if (!latest) throw signedOutElsewhere()
            if (latest.version > session.version) return { session: latest, cookieValue: latest.id }
            const refreshed = await refresh(latest)
            return refreshed === latest ? { session: latest, cookieValue: latest.id } : await write(refreshed)
          } finally {
            await lock.release()
          }
        }
        // Another instance is refreshing this session: its result lands in Redis.
        const landed = await newest(session)
        if (landed) return landed
        await new Promise((resolve) => setTimeout(resolve, waitStepMs))
      }
      throw new ServerAuthError(ServerErrorCode.ServerError, 'Another instance held the refresh lock for too long', {
        cause: { lockTtlMs },
      })
    }

    return {
      load: read,
      save: write,
      async destroy(session) {
        await client.del(`${prefix}session:${await lookupKey(session.id)}`)
      },
      refreshExclusively(session, refresh) {
        return share(session, (current) => refreshAcrossInstances(current, refresh))
      },
    }
  }
}

function signedOutElsewhere(): ServerAuthError {
  return new ServerAuthError(ServerErrorCode.NotSignedIn, 'The session was ended', { cause: { revoked: true } })
}
