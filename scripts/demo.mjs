// Runs the demo SPA against the local sandbox: installs what is missing, starts the sandbox
// (unless the demo is pointed at a real provider) and Vite's dev server. Ctrl+C stops both.
import { spawn } from 'node:child_process'
import { ensurePnpm, installDependencies } from './bootstrap.mjs'

const root = new URL('..', import.meta.url).pathname
ensurePnpm()
installDependencies()

const issuer = process.env.VITE_PAYAUTH_ISSUER
const usesSandbox =
  !process.env.VITE_PAYAUTH_ENVIRONMENT && (!issuer || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(issuer))

const children = []
function start(args) {
  const child = spawn('pnpm', args, { cwd: root, stdio: 'inherit' })
  child.on('exit', (code) => stop(code ?? 0))
  children.push(child)
}

let stopping = false
function stop(code) {
  if (stopping) return
  stopping = true
  for (const child of children) child.kill('SIGTERM')
  process.exitCode = code
}
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))

if (usesSandbox) start(['--filter', '@payauth/sandbox', 'start'])
start(['--filter', '@payauth/demo', 'dev'])
console.log('\ndemo: open http://127.0.0.1:5173 (sandbox users are listed on its home page)\n')
