// pnpm size: builds the packages and bundles their published entry points (dist/, as npm ships
// them) the way an app would: minified, tree-shaken, React external, oauth4webapi and idb-keyval
// included. Prints min+gzip sizes beside the budgets, and what each opt-in feature adds to the
// typical app. Exits 1 when a budget is exceeded.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { rolldown } from 'rolldown'

const root = new URL('..', import.meta.url).pathname
const core = `${root}packages/core/dist`
const react = `${root}packages/react/dist`

/** What a typical PACE app imports. */
const typical = `export { createAuthClient, pace } from '@payauth/core'
export { AuthProvider, useAuth, useToken, AuthCallback, RequireAuth } from '@payauth/react'`

/**
 * Every opt-in feature: its entry point, what an app imports from it, and a string only its code
 * holds, which proves the typical app does not bundle it (rar's code has no string of its own).
 */
const features = {
  dpop: ['@payauth/core/dpop', 'dpop', 'dpop+jwt'],
  par: ['@payauth/core/par', 'par', 'has no pushed authorization request endpoint'],
  rar: ['@payauth/core/rar', 'richAuthorization', undefined],
  exchange: ['@payauth/core/exchange', 'tokenExchange', 'urn:ietf:params:oauth:grant-type:token-exchange'],
  sca: ['@payauth/core/sca', 'paysafeSca, partnerScaVerifier', 'auth-param1'],
  'sca dialog (react)': ['@payauth/react', 'ScaChallenge', 'payauth-sca__verify'],
  'step-up': ['@payauth/core/step-up', 'stepUp', 'insufficient_user_authentication'],
  oauth20: ['@payauth/core/oauth20', 'oauth20', 'INTENT_NOT_FOUND'],
  implicit: ['@payauth/core/implicit', 'legacyImplicit', 'legacy implicit flow'],
  backend: ['@payauth/core/backend', 'backend', 'The backend completes sign-ins'],
  popup: ['@payauth/core/popup', 'popupNavigator', 'payauth:popup'],
  'router guards (react)': ['@payauth/react', 'requireAuthLoader, requireAuthBeforeLoad', undefined],
  'sca texts de (react)': ['@payauth/react/sca-messages/de', 'scaMessagesDe', 'Bestätigen Sie'],
  'sca texts pt-BR (react)': ['@payauth/react/sca-messages/pt-BR', 'scaMessagesPtBR', 'Confirme que é você'],
  'sca texts es (react)': ['@payauth/react/sca-messages/es', 'scaMessagesEs', 'Confirma que eres tú'],
}
const subpaths = [
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
const whole = [
  ...subpaths.map((path) => `export * from '@payauth/core${path}'`),
  `export * from '@payauth/react'`,
].join('\n')

const budgets = [
  {
    name: 'typical PACE app (createAuthClient, pace, AuthProvider, useAuth, useToken, AuthCallback, RequireAuth)',
    source: typical,
    maxGzipBytes: 18_700,
    goalGzipBytes: 14_500,
  },
  {
    // The SCA dialog's languages are data, measured one by one below, not code.
    name: 'whole public API of core + react, every subpath but the SCA texts',
    source: whole,
    maxGzipBytes: 28_800,
    goalGzipBytes: 19_000,
  },
]

/** The built entry points, as package.json's publishConfig maps them. */
const alias = {
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
  '@payauth/react/sca-messages/de': `${react}/scaMessages/scaMessagesDe.js`,
  '@payauth/react/sca-messages/pt-BR': `${react}/scaMessages/scaMessagesPtBR.js`,
  '@payauth/react/sca-messages/es': `${react}/scaMessages/scaMessagesEs.js`,
  '@payauth/react': `${react}/index.js`,
}

const scratch = mkdtempSync(join(root, 'packages/core/.size-'))
async function gzipSize(source) {
  const input = join(scratch, 'entry.js')
  writeFileSync(input, source)
  const bundle = await rolldown({ input, external: [/^react(-dom)?(\/|$)/], resolve: { alias }, logLevel: 'silent' })
  const { output } = await bundle.generate({ format: 'esm', minify: true })
  await bundle.close()
  const code = output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('')
  return { code, minified: Buffer.byteLength(code), gzipped: gzipSync(code, { level: 9 }).length }
}

const kib = (bytes) => `${(bytes / 1024).toFixed(2)} KiB`
const kb = (bytes) => `${(bytes / 1000).toFixed(2)} kB`

if (!process.argv.includes('--no-build')) {
  rmSync(core, { recursive: true, force: true })
  rmSync(react, { recursive: true, force: true })
  execFileSync('pnpm', ['--filter', '@payauth/core', '--filter', '@payauth/react', 'build'], { stdio: 'inherit' })
}

let overBudget = false
try {
  for (const budget of budgets) {
    const { minified, gzipped } = await gzipSize(budget.source)
    const ok = gzipped <= budget.maxGzipBytes
    overBudget ||= !ok
    console.log(
      `${budget.name}: ${kib(minified)} min, ${kb(gzipped)} min+gzip (budget ${kb(budget.maxGzipBytes)}, goal ${kb(budget.goalGzipBytes)}) ${ok ? 'ok' : 'OVER BUDGET'}`,
    )
  }
  const base = await gzipSize(typical)
  console.log('What each opt-in feature adds to the typical app (min+gzip):')
  for (const [name, [path, names, marker]] of Object.entries(features)) {
    const { code, gzipped } = await gzipSize(`${typical}\nexport { ${names} } from '${path}'`)
    // A feature the app does not import must not be in its bundle.
    const shaken = marker === undefined || (!base.code.includes(marker) && code.includes(marker))
    overBudget ||= !shaken || gzipped <= base.gzipped
    console.log(`  ${name.padEnd(24)} +${kb(gzipped - base.gzipped)}${shaken ? '' : '  NOT TREE-SHAKEN'}`)
  }
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
process.exitCode = overBudget ? 1 : 0
