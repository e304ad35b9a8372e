import type { BffProvider } from './bffProvider.ts'
import type { ClientAuthentication } from './clientAuthentication.ts'

/** A confidential client of the oauth20 authorize/token API. */
export interface Oauth20ProviderOptions {
  /** Where `/oauth20/authorize`, `/oauth20/token` and `/oauth20/intents` live, e.g. `https://api.example.com`. */
  readonly baseUrl: string
  readonly clientId: string
  /** `clientSecretBasic(secret)` (the API's preference) or `clientSecretPost(secret)`. */
  readonly clientAuthentication: ClientAuthentication
  /** Scopes besides the intent's type, which is always added; default `openid`. */
  readonly scope?: readonly string[]
  /** Default `,`, as the API writes scopes (`openid,payments`). */
  readonly scopeSeparator?: string
  /** Authorize parameter names; defaults `intentid` and `itype`, as the API names them. */
  readonly intentIdParameter?: string
  readonly intentTypeParameter?: string
}

/**
 * The oauth20 API's confidential code flow for the BFF: every sign-in authorizes an intent the
 * BFF creates first with a client-credentials token (`POST {base}/intents`). The API has no
 * discovery, no ID token, no revocation and no logout endpoint; the BFF does without them.
 */
export function oauth20Provider(options: Oauth20ProviderOptions): BffProvider {
  const base = options.baseUrl.replace(/\/+$/, '')
  return {
    issuer: base,
    endpoints: { authorization: `${base}/oauth20/authorize`, token: `${base}/oauth20/token` },
    clientId: options.clientId,
    clientAuthentication: options.clientAuthentication,
    scope: options.scope ?? ['openid'],
    scopeSeparator: options.scopeSeparator ?? ',',
    openid: false,
    intents: {
      endpoint: `${base}/oauth20/intents`,
      idParameter: options.intentIdParameter ?? 'intentid',
      typeParameter: options.intentTypeParameter ?? 'itype',
    },
  }
}
