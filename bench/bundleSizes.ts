// Bundle size, min+gzip, built the same way for every library (scripts/bundleSize.mjs, which
// `pnpm size` uses too): rolldown, ESM, tree-shaken, minified, React external, gzip -9. "Typical"
// is what each library's React quick start imports; "whole" is every public entry point.
import { bundleSize } from '../scripts/bundleSize.mjs'
import {
  buildPayauthPackages,
  payauthDistAliases,
  payauthResolveFrom,
  typicalPayauthApp,
  wholePayauthApi,
} from '../scripts/payauthEntries.mjs'

export interface BundleRow {
  readonly library: string
  readonly typical: { readonly imports: string; readonly gzipped: number; readonly minified: number }
  readonly whole: { readonly imports: string; readonly gzipped: number; readonly minified: number }
}

/** The peers resolve from the bench package's own node_modules, where their pinned versions are. */
const benchFolder = new URL('.', import.meta.url).pathname

interface Entry {
  readonly library: string
  readonly typicalImports: string
  readonly typical: string
  readonly wholeImports: string
  readonly whole: string
  readonly payauth?: true
}

const entries: readonly Entry[] = [
  {
    library: 'payauth (@payauth/core + @payauth/react)',
    typicalImports: 'createAuthClient, pace, AuthProvider, useAuth, useToken, AuthCallback, RequireAuth',
    typical: typicalPayauthApp,
    wholeImports: 'every subpath of core + react',
    whole: wholePayauthApi,
    payauth: true,
  },
  {
    // react-oidc-context's README: <AuthProvider {...oidcConfig}>, useAuth(), withAuthenticationRequired;
    // its AuthProvider creates oidc-client-ts's UserManager.
    library: 'oidc-client-ts + react-oidc-context',
    typicalImports: 'UserManager, AuthProvider, useAuth, withAuthenticationRequired',
    typical: `export { UserManager } from 'oidc-client-ts'
export { AuthProvider, useAuth, withAuthenticationRequired } from 'react-oidc-context'`,
    wholeImports: 'everything both export',
    whole: `export * from 'oidc-client-ts'
export * from 'react-oidc-context'`,
  },
  {
    // https://auth0.com/docs/libraries/auth0-react: Auth0Provider, useAuth0, withAuthenticationRequired.
    library: '@auth0/auth0-spa-js + @auth0/auth0-react',
    typicalImports: 'Auth0Provider, useAuth0, withAuthenticationRequired',
    typical: `export { Auth0Provider, useAuth0, withAuthenticationRequired } from '@auth0/auth0-react'`,
    wholeImports: 'everything both export',
    whole: `export * from '@auth0/auth0-spa-js'
export * from '@auth0/auth0-react'`,
  },
  {
    // https://www.keycloak.org/securing-apps/javascript-adapter: `import Keycloak from 'keycloak-js'`.
    // keycloak-js has no React bindings of its own.
    library: 'keycloak-js',
    typicalImports: 'Keycloak (default export)',
    typical: `export { default } from 'keycloak-js'`,
    wholeImports: 'keycloak-js + keycloak-js/authz',
    whole: `export { default } from 'keycloak-js'
export { default as KeycloakAuthorization } from 'keycloak-js/authz'`,
  },
]

export async function measureBundleSizes(progress: (line: string) => void): Promise<BundleRow[]> {
  buildPayauthPackages('ignore')
  const rows: BundleRow[] = []
  for (const entry of entries) {
    const options = entry.payauth
      ? { resolveFrom: payauthResolveFrom, alias: payauthDistAliases }
      : { resolveFrom: benchFolder }
    const typical = await bundleSize(entry.typical, options)
    const whole = await bundleSize(entry.whole, options)
    rows.push({
      library: entry.library,
      typical: { imports: entry.typicalImports, gzipped: typical.gzipped, minified: typical.minified },
      whole: { imports: entry.wholeImports, gzipped: whole.gzipped, minified: whole.minified },
    })
    progress(`  ${entry.library}: typical ${kb(typical.gzipped)}, whole ${kb(whole.gzipped)} (min+gzip)`)
  }
  return rows
}

export const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`

/** auth0-react's ESM build carries its own copy of auth0-spa-js; measured so the notes can say what that costs. */
export async function auth0ReactAloneWhole(): Promise<number> {
  return (await bundleSize(`export * from '@auth0/auth0-react'`, { resolveFrom: benchFolder })).gzipped
}
