import { base64url } from 'jose'
import type { RedisCommands } from './redisCommands.ts'

/**
 * Deletes the lock only if it still holds our token: a holder whose lock expired must not
 * release the lock another instance took since. GET and DEL in one script, so nothing runs between.
 */
const compareAndDelete = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`

/** A lock held in Redis; release it when done. */
export interface HeldRedisLock {
  release(): Promise<void>
}

/**
 * Takes the lock at `key` for at most `ttlMs` (`SET key token NX PX ttl`), or returns undefined
 * when another holder has it. The expiry frees the lock if its holder dies mid-way.
 */
export async function acquireRedisLock(
  client: RedisCommands,
  key: string,
  ttlMs: number,
): Promise<HeldRedisLock | undefined> {
  const token = base64url.encode(crypto.getRandomValues(new Uint8Array(16)))
  const taken = await client.set(key, token, { expiration: { type: 'PX', value: ttlMs }, condition: 'NX' })
  if (taken === null || taken === undefined) return undefined
  return {
    async release() {
      await client.eval(compareAndDelete, { keys: [key], arguments: [token] })
    },
  }
}
