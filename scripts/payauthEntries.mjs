// What apps import from payauth, as `pnpm size` budgets it and `pnpm bench` compares it: from the
// built entry points (dist/, as npm ships them), so the figures are those of the published packages.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'

const root = new URL('..', import.meta.url).pathname
/** Where oauth4webapi and idb-keyval resolve from, as they would in an app that installed @payauth/core. */
export const payauthResolveFrom = `${root}packages/core`
const core = `${root}packages/core/dist`
const react = `${root}packages/react/dist`

/** What a typical PACE app imports from @payauth/core. */
export const typicalPayauthCore = `export { createAuthClient, pace } from '@payauth/core'`

/** What a typical PACE app imports. */
export const typicalPayauthApp = `${typicalPayauthCore}
export { AuthProvider, useAuth, useToken, AuthCallback, RequireAuth } from '@payauth/react'`

const payauthSubpaths = [
  '',
  '/dpop',
  '/par',
  '/rar',
  '/exchange',
  '/sca',
  '/step-up',
  '/oauth20',
  '/implicit',
  '/backend',
  '/popup',
]

/** Every public entry point of core and react. */
export const wholePayauthApi = [
  ...payauthSubpaths.map((path) => `export * from '@payauth/core${path}'`),
  `export * from '@payauth/react'`,
].join('\n')

/** The built entry points, as package.json's publishConfig maps them. */
export const payauthDistAliases = {
  '@payauth/core/dpop': `${core}/dpop/index.js`,
  '@payauth/core/par': `${core}/par/index.js`,
  '@payauth/core/rar': `${core}/rar/index.js`,
  '@payauth/core/exchange': `${core}/exchange/index.js`,
  '@payauth/core/sca': `${core}/sca/index.js`,
  '@payauth/core/step-up': `${core}/stepUp/index.js`,
  '@payauth/core/oauth20': `${core}/oauth20/index.js`,
  '@payauth/core/implicit': `${core}/implicit/index.js`,
  '@payauth/core/backend': `${core}/backend/index.js`,
  '@payauth/core/popup': `${core}/popup/index.js`,
  '@payauth/core': `${core}/index.js`,
  '@payauth/core/native': `${core}/native/index.js`,
  '@payauth/react/sca-messages/de': `${react}/scaMessages/scaMessagesDe.js`,
  '@payauth/react/sca-messages/pt-BR': `${react}/scaMessages/scaMessagesPtBR.js`,
  '@payauth/react/sca-messages/es': `${react}/scaMessages/scaMessagesEs.js`,
  '@payauth/react': `${react}/index.js`,
}

/** Builds core and react afresh, so no stale dist/ file is measured. */
export function buildPayauthPackages(stdio = 'inherit') {
  rmSync(core, { recursive: true, force: true })
  rmSync(react, { recursive: true, force: true })
  execFileSync('pnpm', ['--filter', '@payauth/core', '--filter', '@payauth/react', 'build'], { cwd: root, stdio })
}
