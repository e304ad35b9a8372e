// Before oidc-provider is imported: it warns about Node 20 once per import.
import './quietRuntimeWarning.ts'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import Provider, { type Configuration, interactionPolicy, type KoaContextWithOIDC } from 'oidc-provider'
import { escapeHtml } from '../http/escapeHtml.ts'
import { paceBffClients } from './bffClients.ts'
import { findDemoUser } from './demoUsers.ts'
import { handleLoginActions, loginActionsPath, strongAcr } from './loginActions.ts'
import { paceScopes } from './paceScopes.ts'
import { handleTestEndpoints } from './testEndpoints.ts'
import { registerTokenExchange, tokenExchangeGrantType } from './tokenExchangeGrant.ts'
import { recordTokenRequests } from './tokenRequestLog.ts'

/** Where Keycloak mounts a realm; PACE's realm is `pace`. */
export const paceRealmPath = '/auth/realms/pace'

export interface PaceRealmOptions {
  /** Origin of the sandbox server, e.g. `http://127.0.0.1:9400`. */
  readonly origin: string
  /** Origins of the browser apps allowed to use the realm (CORS, redirect URIs). */
  readonly appOrigins: readonly string[]
  /** Lifetime of access tokens, in seconds. */
  readonly accessTokenTtl: number
  /** Public keys of the BFF's `private_key_jwt` client; that client exists only when given. */
  readonly bffClientJwks?: { readonly keys: readonly object[] }
}

export interface PaceRealm {
  readonly issuer: string
  readonly provider: Provider
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>
  /** Serves `/test/...`; false for other paths. */
  handleTest(req: IncomingMessage, res: ServerResponse): Promise<boolean>
}

const keycloakRoutes = {
  authorization: '/protocol/openid-connect/auth',
  token: '/protocol/openid-connect/token',
  userinfo: '/protocol/openid-connect/userinfo',
  end_session: '/protocol/openid-connect/logout',
  revocation: '/protocol/openid-connect/revoke',
  introspection: '/protocol/openid-connect/token/introspect',
  jwks: '/protocol/openid-connect/certs',
  pushed_authorization_request: '/protocol/openid-connect/ext/par/request',
} as const

/** The demo app's public client, as a PACE integrator would register it in Keycloak. */
export const demoClientId = 'demo-spa'
/** The same app's client that requires DPoP-bound tokens (RFC 9449). */
export const demoDpopClientId = 'demo-spa-dpop'
/** The app as a native (Capacitor, React Native) client: private-use and claimed-link redirects (RFC 8252). */
export const demoNativeClientId = 'demo-native'
/** Its redirect URIs: a reverse-domain private-use scheme, and a claimed https link. */
export const demoNativeRedirectUris = ['com.example.wallet:/oauth2redirect', 'https://wallet.example.com/app/callback']

/**
 * Keycloak ends the session without asking when the app sends `id_token_hint`; oidc-provider
 * always asks. Submit its confirmation form at once in that case, and ask otherwise.
 */
async function logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  const hinted = typeof ctx.oidc.params?.id_token_hint === 'string'
  ctx.type = 'html'
  ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign out</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>
${form}
<p>${hinted ? 'Signing you out…' : 'Do you want to sign out of PACE?'}</p>
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Sign out</button>
${hinted ? `<input type="hidden" form="op.logoutForm" name="logout" value="yes"><script>document.getElementById('op.logoutForm').submit()</script>` : ''}
</body></html>`
}

/** oidc-provider's policy, plus: a request for `strong` sign-in prompts unless the session has it. */
function loginPolicy() {
  const policy = interactionPolicy.base()
  policy.get('login')?.checks.add(
    new interactionPolicy.Check('acr_strong', 'a stronger sign-in is required', (ctx) => {
      const requested = String(ctx.oidc.params?.acr_values ?? '').split(' ')
      return requested.includes(strongAcr) && ctx.oidc.session?.acr !== strongAcr
        ? interactionPolicy.Check.REQUEST_PROMPT
        : interactionPolicy.Check.NO_NEED_TO_PROMPT
    }),
  )
  return policy
}

export function createPaceRealm(options: PaceRealmOptions): PaceRealm {
  const issuer = `${options.origin}${paceRealmPath}`
  const appOrigins = new Set(options.appOrigins)
  const provider = new Provider(issuer, paceConfiguration(options, appOrigins))
  // oidc-provider decides http vs https from the request; the sandbox is plain http on loopback.
  provider.proxy = false
  const callback = provider.callback()
  const tokenRequests = recordTokenRequests(provider)
  registerTokenExchange(provider)

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/'
    const innerPath = url.slice(paceRealmPath.length) || '/'
    if (await handleLoginActions(provider, req, res, innerPath, `${paceRealmPath}${loginActionsPath}`)) return
    // oidc-provider's routes are relative to the issuer's path: strip the realm prefix.
    Object.assign(req, { originalUrl: url, url: innerPath })
    await callback(req, res)
  }

  return {
    issuer,
    provider,
    handle,
    handleTest: (req, res) => handleTestEndpoints(provider, tokenRequests.records, req, res),
  }
}

function paceConfiguration(options: PaceRealmOptions, appOrigins: Set<string>): Configuration {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const signingKey = { ...privateKey.export({ format: 'jwk' }), alg: 'ES256', use: 'sig', kid: 'sandbox-es256' }
  const { privateKey: rsaKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const rsaSigningKey = { ...rsaKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig', kid: 'sandbox-rs256' }

  return {
    routes: keycloakRoutes,
    clients: [
      {
        client_id: demoClientId,
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code', 'refresh_token', tokenExchangeGrantType],
        response_types: ['code'],
        redirect_uris: [...appOrigins].map((origin) => `${origin}/callback`),
        post_logout_redirect_uris: [...appOrigins].flatMap((origin) => [origin, `${origin}/`]),
      },
      {
        client_id: demoDpopClientId,
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        dpop_bound_access_tokens: true,
        redirect_uris: [...appOrigins].map((origin) => `${origin}/dpop/callback`),
        post_logout_redirect_uris: [...appOrigins].flatMap((origin) => [`${origin}/dpop`, `${origin}/`]),
      },
      {
        client_id: demoNativeClientId,
        token_endpoint_auth_method: 'none',
        application_type: 'native',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: demoNativeRedirectUris,
        post_logout_redirect_uris: ['com.example.wallet:/signed-out'],
      },
      ...paceBffClients({ appOrigins: [...appOrigins], jwtClientJwks: options.bffClientJwks }),
    ],
    jwks: { keys: [rsaSigningKey, signingKey] as never },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: ['openid', 'offline_access', 'profile', 'email', ...paceScopes],
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      email: ['email', 'email_verified'],
    },
    // Keycloak puts profile claims in the ID token; do the same so the SPA can show who signed in.
    conformIdTokenClaims: false,
    async findAccount(_ctx, accountId) {
      const user = findDemoUser(accountId)
      if (!user) return undefined
      return {
        accountId,
        async claims() {
          return {
            sub: user.username,
            name: user.name,
            preferred_username: user.username,
            email: user.email,
            email_verified: true,
          }
        },
      }
    },
    interactions: {
      url: (_ctx, interaction) => `${paceRealmPath}${loginActionsPath}/${interaction.uid}`,
      policy: loginPolicy(),
    },
    // `basic`: a password; `strong`: a password and the wallet PIN (what RFC 9470 step-up asks for).
    acrValues: ['basic', 'strong'],
    // Resource servers of the sandbox read the sign-in's strength from the (opaque) access token.
    async extraTokenClaims(ctx) {
      const source = ctx.oidc.entities.AuthorizationCode ?? ctx.oidc.entities.RefreshToken
      return source ? { acr: source.acr, auth_time: source.authTime } : undefined
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      introspection: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource },
      // The DPoP client must also use server nonces, so payauth's use_dpop_nonce retry is exercised.
      dPoP: {
        enabled: true,
        nonceSecret: randomBytes(32),
        requireNonce: (ctx: KoaContextWithOIDC) => ctx.oidc.client?.clientId === demoDpopClientId,
      },
      pushedAuthorizationRequests: { enabled: true, requirePushedAuthorizationRequests: false },
    },
    pkce: { required: () => true },
    // Keycloak issues refresh tokens to public clients without offline_access; so does PACE.
    async issueRefreshToken(_ctx, client) {
      return client.grantTypeAllowed('refresh_token')
    },
    rotateRefreshToken: true,
    clientBasedCORS(_ctx: KoaContextWithOIDC, origin: string) {
      return appOrigins.has(origin)
    },
    ttl: {
      AccessToken: options.accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: 8 * 3600,
      Interaction: 15 * 60,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    renderError(ctx, out) {
      ctx.type = 'html'
      ctx.body = `<!doctype html><title>Sign-in error</title><h1>Sign-in error</h1><p>${escapeHtml(
        String(out.error),
      )}: ${escapeHtml(String(out.error_description ?? ''))}</p>`
    },
  }
}
