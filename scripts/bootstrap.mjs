// Everything a fresh machine with only Node 20 and npm needs before the demo or the tests:
// pnpm (the pinned version), the workspace's dependencies, and a Chromium for Playwright.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { delimiter } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const pinnedPnpm = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).packageManager.split(
  '@',
)[1]

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options })
  return result.status === 0
}

function quietly(command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' })
  return result.status === 0 ? result.stdout.trim() : undefined
}

/**
 * Puts the pinned pnpm on PATH for this process and its children: the one already there, else a
 * global install, else (no permission for that) a private copy under .tools/.
 */
export function ensurePnpm() {
  if (quietly('pnpm', ['--version']) === pinnedPnpm) return
  console.log(`bootstrap: installing pnpm ${pinnedPnpm} with npm`)
  if (run('npm', ['install', '--global', `pnpm@${pinnedPnpm}`]) && quietly('pnpm', ['--version']) === pinnedPnpm) return
  const tools = `${root}.tools`
  if (!run('npm', ['install', '--no-save', '--no-package-lock', '--prefix', tools, `pnpm@${pinnedPnpm}`])) {
    throw new Error('bootstrap: could not install pnpm with npm')
  }
  process.env.PATH = `${tools}/node_modules/.bin${delimiter}${process.env.PATH}`
}

export function installDependencies() {
  if (!run('pnpm', ['install', '--frozen-lockfile'])) throw new Error('bootstrap: pnpm install failed')
}

/** Debian's Chromium for Playwright (downloading Playwright's own browser is not possible everywhere). */
export function ensureChromium() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return
  if (existsSync('/usr/bin/chromium')) return
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (process.platform === 'linux' && isRoot && quietly('sh', ['-c', 'command -v apt-get'])) {
    console.log('bootstrap: installing Debian chromium for the end-to-end tests')
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    if (run('apt-get', ['update', '-qq'], { env }) && run('apt-get', ['install', '-y', '-qq', 'chromium'], { env }))
      return
  }
  console.log(
    'bootstrap: no Chromium at /usr/bin/chromium. Set CHROMIUM_PATH to a Chromium or Chrome binary, or run\n' +
      "  pnpm exec playwright install chromium\nonce to use Playwright's own browser.",
  )
}

/**
 * Debian's redis-server for the tests of @payauth/server's Redis session store; returns the path of
 * the binary. Installed with apt-get when missing and running as root; otherwise a clear error.
 */
export function ensureRedis() {
  const found = quietly('sh', ['-c', 'command -v redis-server'])
  if (found) return found
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (process.platform === 'linux' && isRoot && quietly('sh', ['-c', 'command -v apt-get'])) {
    console.log('bootstrap: installing Debian redis-server for the session store tests')
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    const install = () => run('apt-get', ['install', '-y', '-qq', 'redis-server'], { env })
    // A fresh machine may have no package lists yet: fetch them once and try again.
    if (install() || (run('apt-get', ['update', '-qq'], { env }) && install())) {
      const installed = quietly('sh', ['-c', 'command -v redis-server'])
      if (installed) return installed
    }
  }
  throw new Error(
    'bootstrap: redis-server is not installed, and it can be installed automatically only as root on Debian or Ubuntu.\n' +
      '  Install it yourself (Debian/Ubuntu: sudo apt-get install -y redis-server; macOS: brew install redis),\n' +
      '  then run the tests again.',
  )
}
