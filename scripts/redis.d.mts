import type { StdioOptions } from 'node:child_process'

/** A free loopback port (redis-server takes no port 0: that turns TCP off). */
export function freePort(): Promise<number>

/** A running redis-server. */
export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  readonly url: string
  readonly port: number
  /** Resolves with the exit code when the server exits. */
  readonly exited: Promise<number | null>
  /** Stops it by PID; resolves once it has exited. */
  stop(): Promise<void>
}

/** Starts redis-server on `port` (a free one by default), installing it first when missing, and resolves once it accepts connections. */
export function startRedisServer(options?: { port?: number; stdio?: StdioOptions }): Promise<RedisServer>
