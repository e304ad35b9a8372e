import type { PaceEnvironment } from '@payauth/core'

/**
 * The demo's HTTP security headers: a strict Content-Security-Policy with Trusted Types enforced,
 * and the headers a payment SPA sends beside it. vite.config.ts serves them on every page and
 * asset of `vite preview`, which both `pnpm demo` and the e2e run serve the production build with,
 * and of the dev server.
 */

/** The env the demo is built with (src/config.ts reads the same variables). */
export type DemoEnv = Readonly<Record<string, string | undefined>>

/** src/config.ts's defaults, repeated because this file runs in Node, before any of the app loads. */
const localSandboxIssuer = 'http://127.0.0.1:9400/auth/realms/pace'
// The realms pace({ environment }) signs in to; `satisfies` fails the build when one is added.
const paceIssuers = {
  production: 'https://id.pace.cloud/auth/realms/pace',
  sandbox: 'https://id.sandbox.pace.cloud/auth/realms/pace',
  development: 'https://id.dev.pace.cloud/auth/realms/pace',
} satisfies Record<PaceEnvironment, string>

/**
 * The origins the demo's scripts call, as src/config.ts picks them: the provider's realm (its
 * discovery, token, userinfo and revocation endpoints are on it), the oauth20 bank API and the
 * wallet API (the sandbox's, unless set).
 */
export function demoApiOrigins(env: DemoEnv): string[] {
  const environment = env.VITE_PAYAUTH_ENVIRONMENT as PaceEnvironment | undefined
  const issuer = env.VITE_PAYAUTH_ISSUER || localSandboxIssuer
  const realm = environment ? paceIssuers[environment] : issuer
  const urls = [realm, env.VITE_PAYAUTH_OAUTH20_URL || issuer, env.VITE_PAYAUTH_WALLET_URL || issuer]
  return [...new Set(urls.filter(Boolean).map((url) => new URL(url).origin))]
}

/**
 * No inline script, no eval, no string ever reaching an HTML or script sink (Trusted Types with
 * no policy allowed at all: neither payauth nor React needs one), nothing framing the page.
 * `devNonce` is for Vite's dev server only, whose React refresh preamble and injected styles are
 * inline; the production build has neither.
 */
export function contentSecurityPolicy(apiOrigins: readonly string[], devNonce?: string): string {
  const nonce = devNonce ? [`'nonce-${devNonce}'`] : []
  const directives: Record<string, readonly string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...nonce],
    // Vite's build links its CSS; React sets `style` props through the CSSOM, which CSP allows.
    'style-src': ["'self'", ...nonce],
    'connect-src': ["'self'", ...apiOrigins],
    'img-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    // The demo's forms are handled by script; sign-in leaves by navigation, not by posting a form.
    'form-action': ["'self'"],
    // Supersedes X-Frame-Options in every browser that enforces Trusted Types.
    'frame-ancestors': ["'none'"],
    'require-trusted-types-for': ["'script'"],
    'trusted-types': ["'none'"],
  }
  return Object.entries(directives)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ')
}

/** Every header the demo's pages and assets are served with. */
export function securityHeaders(env: DemoEnv, devNonce?: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(demoApiOrigins(env), devNonce),
    // The callback URL carries the authorization code until payauth scrubs it: no request the
    // callback page makes, to this origin or any other, may repeat it in a Referer.
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    // No window of another origin gets a handle on the app, but the popups the app opens keep
    // theirs: the home page signs in in a popup, and so does every sign-in where IndexedDB is
    // unavailable. Under `same-origin` the popup's result would still arrive (relayed over a
    // BroadcastChannel), but the cut handle would hide the user closing the popup, and the
    // sign-in would wait for its timeout.
    'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
  }
}
