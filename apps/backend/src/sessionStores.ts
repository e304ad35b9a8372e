import { redisSessionStore, type SessionStoreFactory } from '@payauth/server'
import { createClient } from 'redis'

/** Each BFF's session store (undefined: the default encrypted cookie), and how to let go of it. */
export interface SessionStores {
  readonly pace: SessionStoreFactory | undefined
  readonly pay: SessionStoreFactory | undefined
  close(): Promise<void>
}

/**
 * Sessions in encrypted cookies (nothing to run beside the backend), or, given `redisUrl`, in
 * Redis: then several instances share sessions, logout reaches every instance, and one refresh
 * per expiry holds across all of them. Each BFF gets its own key prefix.
 */
export async function connectSessionStores(redisUrl: string | undefined): Promise<SessionStores> {
  if (!redisUrl) return { pace: undefined, pay: undefined, close: async () => {} }
  const client = await createClient({ url: redisUrl }).connect()
  return {
    pace: redisSessionStore({ client, keyPrefix: 'demo:bff:' }),
    pay: redisSessionStore({ client, keyPrefix: 'demo:pay-bff:' }),
    async close() {
      await client.close()
    },
  }
}
