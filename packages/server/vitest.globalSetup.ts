import { type ChildProcess, spawn } from 'node:child_process'
import { createConnection, createServer } from 'node:net'
import type {} from 'vitest'
import type { TestProject } from 'vitest/node'
import { ensureRedis } from '../../scripts/bootstrap.mjs'

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
  const binary = ensureRedis()
  const port = await freePort()
  const redis = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  })
  await untilAccepting(port, redis)
  project.provide('redisUrl', `redis://127.0.0.1:${port}`)
  return () => stop(redis)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

async function untilAccepting(port: number, redis: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (redis.exitCode !== null) throw new Error(`redis-server exited with code ${redis.exitCode}`)
    const accepted = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' })
      socket.once('connect', () => {
        socket.end()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (accepted) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`redis-server did not listen on 127.0.0.1:${port}`)
}

function stop(redis: ChildProcess): Promise<void> {
  if (redis.exitCode !== null || redis.pid === undefined) return Promise.resolve()
  const exited = new Promise<void>((resolve) => redis.once('exit', () => resolve()))
  process.kill(redis.pid, 'SIGTERM')
  return exited
}
