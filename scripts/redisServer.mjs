// Runs redis-server on 127.0.0.1:<port>, without persistence, for as long as this process lives:
// the session store the end-to-end tests' backend instances share (a Playwright webServer entry).
// Installs it first when missing, so a fresh machine needs nothing else.
// Usage: node scripts/redisServer.mjs <port>
import { startRedisServer } from './redis.mjs'

const port = Number(process.argv[2])
if (!Number.isInteger(port) || port <= 0) throw new Error('usage: node scripts/redisServer.mjs <port>')

const redis = await startRedisServer({ port, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void redis.stop())
process.exitCode = (await redis.exited) ?? 0
