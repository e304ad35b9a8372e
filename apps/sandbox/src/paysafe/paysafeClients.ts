import { constantTimeEqual } from '../http/constantTimeEqual.ts'

/** A partner's client at one Paysafe brand, as Paysafe would provision it. */
export interface PaysafeClient {
  readonly brandIdentity: string
  readonly clientId: string
  readonly clientSecret: string
  readonly grantTypes: readonly string[]
  /** Scopes the client may ask for; a request without `scope` gets all of them. */
  readonly scopes: readonly string[]
}

export const tokenExchangeGrantType = 'urn:ietf:params:oauth:grant-type:token-exchange'

/** The brand of Paysafe's own example (`/auth/brands/liberty/token`). */
export const paysafeDemoBrand = 'liberty'

/**
 * Public on purpose: sandbox credentials. Both hold characters that RFC 6749 §2.3.1 makes the
 * client URL-encode before HTTP Basic (`:` `%` `+` space `é` `/`), so a client that base64-encodes
 * a plain `id:secret` is refused, as Paysafe refuses it.
 */
export const paysafeDemoClient = {
  clientId: 'liberty:wallet partner',
  clientSecret: 'p%ss+wörd: é/=',
} as const

export const paysafeClients: readonly PaysafeClient[] = [
  {
    brandIdentity: paysafeDemoBrand,
    ...paysafeDemoClient,
    grantTypes: ['client_credentials', 'refresh_token', tokenExchangeGrantType, 'password'],
    scopes: ['openid', 'wallet:read', 'wallet:write'],
  },
]

export function findPaysafeClient(brandIdentity: string, clientId: string): PaysafeClient | undefined {
  return paysafeClients.find((client) => client.brandIdentity === brandIdentity && client.clientId === clientId)
}

export function isPaysafeBrand(brandIdentity: string): boolean {
  return paysafeClients.some((client) => client.brandIdentity === brandIdentity)
}

export function paysafeSecretMatches(client: PaysafeClient, secret: string): boolean {
  return constantTimeEqual(client.clientSecret, secret)
}
