// Runs the demo SPA against the local sandbox: installs what is missing, starts the sandbox and
// the demo's backend (unless the demo is pointed at a real provider) and serves the demo's
// production build with `vite preview`, which proxies the backend's routes onto the SPA's origin.
// The build runs under the same strict CSP and Trusted Types as the e2e run: no nonce, as it has
// no inline script (the dev server's React refresh preamble is one). It is rebuilt on every save;
// reload the page to see a change (`pnpm --filter @payauth/demo dev` has hot reload). REDIS_URL
// puts the backend's sessions in Redis instead of encrypted cookies. Ctrl+C stops them all.
import { execFileSync, spawn } from 'node:child_process'
import { ensurePnpm, installDependencies } from './bootstrap.mjs'

const root = new URL('..', import.meta.url).pathname
ensurePnpm()
installDependencies()

const issuer = process.env.VITE_PAYAUTH_ISSUER
const usesSandbox =
  !process.env.VITE_PAYAUTH_ENVIRONMENT && (!issuer || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(issuer))

const children = []
function start(args) {
  // Each in its own process group: pnpm does not pass a SIGTERM on to the server it started, so
  // stopping the group is what stops the server (and frees its port for the next run).
  const child = spawn('pnpm', args, { cwd: root, stdio: 'inherit', detached: true })
  child.on('exit', (code) => stop(code ?? 0))
  children.push(child)
}

let stopping = false
function stop(code) {
  if (stopping) return
  stopping = true
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // The group is gone already.
    }
  }
  process.exitCode = code
}
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))

// The backend's confidential clients are the sandbox's: without the sandbox it has nothing to sign in to.
if (usesSandbox) {
  start(['--filter', '@payauth/sandbox', 'start'])
  start(['--filter', '@payauth/demo-backend', 'start'])
}
// Built once before the preview starts, which serves only what is there.
execFileSync('pnpm', ['--filter', '@payauth/demo', 'build'], { cwd: root, stdio: 'inherit' })
start(['--filter', '@payauth/demo', 'exec', 'vite', 'build', '--watch'])
start(['--filter', '@payauth/demo', 'preview'])
console.log('\ndemo: open http://127.0.0.1:5173 (sandbox users are listed on its home page)')
if (usesSandbox) {
  const sessions = process.env.REDIS_URL
    ? `Redis at ${process.env.REDIS_URL}`
    : 'encrypted cookies (set REDIS_URL for Redis)'
  console.log(`demo: the backend (BFF, PicPay, getpaid, Paysafe) keeps its sessions in ${sessions}\n`)
} else {
  console.log('demo: the backend pages need the local sandbox, which is not started with a real provider\n')
}
