import type {} from 'vitest'
import type { TestProject } from 'vitest/node'
import { startRedisServer } from '../../scripts/redis.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    /** `redis://127.0.0.1:<port>` of the redis-server started for this test run. */
    redisUrl: string
  }
}

/**
 * Starts a real redis-server on a free loopback port for the server project's tests (installing
 * Debian's package first when missing), with no persistence, and stops it by PID afterwards.
 */
export default async function startRedis(project: TestProject): Promise<() => Promise<void>> {
  const redis = await startRedisServer()
  project.provide('redisUrl', redis.url)
  return () => redis.stop()
}
