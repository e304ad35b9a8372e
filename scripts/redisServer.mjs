// Runs Debian's redis-server on 127.0.0.1:<port>, without persistence, for as long as this process
// lives: the session store the end-to-end tests' backend instances share. Installs it first when
// missing (ensureRedis), so a fresh machine needs nothing else. Usage: node scripts/redisServer.mjs <port>
import { spawn } from 'node:child_process'
import { ensureRedis } from './bootstrap.mjs'

const port = process.argv[2]
if (!port || !/^\d+$/.test(port)) throw new Error('usage: node scripts/redisServer.mjs <port>')

const redis = spawn(ensureRedis(), ['--port', port, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
  stdio: 'inherit',
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => redis.kill('SIGTERM'))
redis.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))
