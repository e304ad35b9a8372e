import { ProviderToken, type ProviderTokenFields } from '../providerToken.ts'

/** Paysafe's extras of a token response, in payauth's shape. */
export interface PaysafeTokenExtras {
  /** `id_token`, for tokens issued for a user; kept out of serialisation like the access token. */
  readonly idToken: string | undefined
  /** The ID token's claims (`sub`, `name`...), checked by openid-client (issuer, audience, expiry). */
  readonly idTokenClaims: Readonly<Record<string, unknown>> | undefined
  /**
   * When the refresh token expires (epoch ms, from `refresh_expires_in`), for tokens issued for a
   * user; undefined when `refresh_expires_in` is absent or 0.
   */
  readonly refreshExpiresAt: number | undefined
}

/** A Paysafe access token, with the ID token and refresh-token expiry of user grants. */
export class PaysafeToken extends ProviderToken {
  readonly #idToken: string | undefined
  /** The ID token's claims (`sub`, `name`...), checked by openid-client; undefined without an ID token (client credentials). */
  readonly idTokenClaims: Readonly<Record<string, unknown>> | undefined
  /**
   * When the refresh token expires, epoch ms (`issuedAt` + `refresh_expires_in` seconds); undefined
   * when the response has no positive `refresh_expires_in` (Keycloak writes 0 for "no expiry of its own").
   */
  readonly refreshExpiresAt: number | undefined

  /** Built by {@link paysafeTokenSource} from a checked token response. */
  constructor(fields: ProviderTokenFields, extras: PaysafeTokenExtras) {
    super(fields)
    this.#idToken = extras.idToken
    this.idTokenClaims = extras.idTokenClaims
    this.refreshExpiresAt = extras.refreshExpiresAt
  }

  /** The user's ID token (a signed JWT) when a user is involved. Never log it. */
  get idToken(): string | undefined {
    return this.#idToken
  }
}
