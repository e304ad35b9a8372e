import type { BffProvider } from './bffProvider.ts'
import type { ClientAuthentication } from './clientAuthentication.ts'

/** A confidential client of the oauth20 authorize/token API. */
export interface Oauth20ProviderOptions {
  /** Where `/oauth20/authorize`, `/oauth20/token` and `/oauth20/intents` live, e.g. `https://api.example.com`. */
  readonly baseUrl: string
  /** The client id the oauth20 API issued to the BFF's confidential client. */
  readonly clientId: string
  /** `clientSecretBasic(secret)` (the API's preference) or `clientSecretPost(secret)`. */
  readonly clientAuthentication: ClientAuthentication
  /** Scopes besides the intent's type, which is always added; default `openid`. */
  readonly scope?: readonly string[]
  /** Default `,`, as the API writes scopes (`openid,payments`). */
  readonly scopeSeparator?: string
  /** Name of the authorize parameter carrying the intent id; default `intentid`, as the API names it. */
  readonly intentIdParameter?: string
  /** Name of the authorize parameter carrying the intent type; default `itype`, as the API names it. */
  readonly intentTypeParameter?: string
}

/**
 * The oauth20 API's confidential code flow for the BFF: every sign-in authorizes an intent the
 * BFF creates first with a client-credentials token (`POST {base}/intents`). The API has no
 * discovery, no ID token, no revocation and no logout endpoint; the BFF does without them.
 * `GET login` is refused with `invalid_request`: the SPA posts to `intents` instead.
 *
 * @example
 * ```ts
 * const bff = createBff({
 *   baseUrl: 'https://shop.example.com/bff',
 *   provider: oauth20Provider({
 *     baseUrl: 'https://api.bank.example',
 *     clientId: 'shop-bff',
 *     clientAuthentication: clientSecretBasic(process.env.BANK_CLIENT_SECRET!),
 *   }),
 *   sessionKeys: [process.env.BFF_SESSION_KEY!],
 * })
 * // In the SPA, with the x-payauth-csrf: 1 header:
 * // POST /bff/intents { "type": "payments", "amount": "25.00", "currency": "EUR" },
 * // then location.assign(authorizationUrl) from the answer.
 * ```
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1 the authorization code grant
 * @see https://www.rfc-editor.org/rfc/rfc7636 PKCE
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
