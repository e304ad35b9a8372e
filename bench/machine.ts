// What the figures were measured on: they mean little without the machine and the versions.
import { existsSync, readFileSync } from 'node:fs'
import { cpus, release, totalmem } from 'node:os'

export interface Machine {
  readonly cpu: string
  readonly cores: number
  readonly memory: string
  readonly os: string
  readonly node: string
  readonly chromium: string
  /** Package → version, as installed for the run. */
  readonly libraries: readonly (readonly [string, string])[]
  /** ISO date and time of the run, UTC. */
  readonly date: string
}

/** Folders whose node_modules hold the packages (not every package exports its package.json). */
const bench = new URL('.', import.meta.url)
const core = new URL('../packages/core/', import.meta.url)

const versionOf = (folder: URL, name: string): string =>
  (JSON.parse(readFileSync(new URL(`node_modules/${name}/package.json`, folder), 'utf8')) as { version: string })
    .version

function operatingSystem(): string {
  const osRelease = '/etc/os-release'
  const pretty = existsSync(osRelease)
    ? /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync(osRelease, 'utf8'))?.[1]
    : undefined
  return `${pretty ?? process.platform}, kernel ${release()}`
}

export function describeMachine(chromiumVersion: string): Machine {
  const [first] = cpus()
  return {
    cpu: first?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: operatingSystem(),
    node: process.version,
    chromium: chromiumVersion,
    libraries: [
      ['@payauth/core', versionOf(bench, '@payauth/core')],
      ['@payauth/react', versionOf(bench, '@payauth/react')],
      ['oauth4webapi (payauth, bare page)', versionOf(core, 'oauth4webapi')],
      ['idb-keyval (payauth)', versionOf(core, 'idb-keyval')],
      ...['oidc-client-ts', 'react-oidc-context', '@auth0/auth0-spa-js', '@auth0/auth0-react', 'keycloak-js'].map(
        (name) => [name, versionOf(bench, name)] as const,
      ),
      ['react (external, not counted)', versionOf(bench, 'react')],
      ['rolldown (bundler)', versionOf(bench, 'rolldown')],
      ['@playwright/test', versionOf(bench, '@playwright/test')],
    ],
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  }
}
