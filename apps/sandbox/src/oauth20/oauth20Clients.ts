import { timingSafeEqual } from 'node:crypto'

export interface Oauth20Client {
  readonly clientId: string
  /** Undefined for public clients, which prove themselves with PKCE instead. */
  readonly clientSecret: string | undefined
  readonly redirectUris: readonly string[]
  readonly grantTypes: readonly string[]
  /** Whether `response_type=token` (implicit, legacy) is allowed. */
  readonly allowImplicit: boolean
}

export const publicClientId = 'demo-spa'
export const confidentialClientId = 'merchant-backend'
/** Public on purpose: a sandbox secret, used only by the sandbox's own merchant backend and tests. */
export const confidentialClientSecret = 'merchant-backend-secret'
/** Where a BFF mounted at `/pay/bff` on an app origin receives the authorization response. */
export const merchantBffCallbackPath = '/pay/bff/callback'

export function oauth20Clients(appOrigins: readonly string[]): readonly Oauth20Client[] {
  return [
    {
      clientId: publicClientId,
      clientSecret: undefined,
      redirectUris: appOrigins.map((origin) => `${origin}/pay/callback`),
      grantTypes: ['authorization_code', 'refresh_token'],
      allowImplicit: true,
    },
    {
      clientId: confidentialClientId,
      clientSecret: confidentialClientSecret,
      // `/pay/bff/callback`: the merchant's backend-for-frontend (@payauth/server) mounted at `/pay/bff`.
      redirectUris: appOrigins.flatMap((origin) => [`${origin}/pay/callback`, `${origin}${merchantBffCallbackPath}`]),
      grantTypes: ['authorization_code', 'refresh_token', 'client_credentials', 'password'],
      allowImplicit: false,
    },
  ]
}

export function secretMatches(client: Oauth20Client, secret: string): boolean {
  if (client.clientSecret === undefined) return false
  const expected = Buffer.from(client.clientSecret)
  const given = Buffer.from(secret)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
