// A real redis-server for the tests and the benchmark: Debian's (installed first when missing, see
// ensureRedis), on a loopback port, without persistence, and stopped by its PID.
import { spawn } from 'node:child_process'
import { createConnection, createServer } from 'node:net'
import { ensureRedis } from './bootstrap.mjs'

/** A free loopback port (redis-server takes no port 0: that turns TCP off). */
export function freePort() {
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

/** Starts redis-server on `port` (a free one by default) and resolves once it accepts connections. */
export async function startRedisServer({ port, stdio = 'ignore' } = {}) {
  const binary = ensureRedis()
  const chosenPort = port ?? (await freePort())
  const redis = spawn(
    binary,
    ['--port', String(chosenPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio,
    },
  )
  await untilAccepting(chosenPort, redis)
  return {
    url: `redis://127.0.0.1:${chosenPort}`,
    port: chosenPort,
    exited: new Promise((resolve) => redis.once('exit', (code) => resolve(code))),
    stop() {
      if (redis.exitCode !== null || redis.pid === undefined) return Promise.resolve()
      const exited = new Promise((resolve) => redis.once('exit', () => resolve()))
      process.kill(redis.pid, 'SIGTERM')
      return exited
    },
  }
}

async function untilAccepting(port, redis) {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (redis.exitCode !== null) throw new Error(`redis-server exited with code ${redis.exitCode}`)
    const accepted = await new Promise((resolve) => {
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
