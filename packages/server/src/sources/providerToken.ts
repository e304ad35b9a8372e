const inspectSymbol = Symbol.for('nodejs.util.inspect.custom')

/** The fields every provider's token response gives, in payauth's shape. */
export interface ProviderTokenFields {
  readonly accessToken: string
  /** `Bearer`, whatever case the provider wrote it in. */
  readonly tokenType: 'Bearer'
  /** Epoch milliseconds at which the request was sent: the lifetime is counted from there. */
  readonly issuedAt: number
  /** Epoch milliseconds: `issuedAt` + `expires_in`. */
  readonly expiresAt: number
  /** The granted scope, space-separated, when the provider says (else the requested one). */
  readonly scope: string | undefined
}

/**
 * A token a provider issued. The access token is readable through `accessToken` only: it is kept
 * out of `JSON.stringify`, object spread, `util.inspect` and logs, which show `[redacted]`.
 */
export class ProviderToken {
  readonly #accessToken: string
  readonly tokenType: 'Bearer'
  readonly issuedAt: number
  readonly expiresAt: number
  readonly scope: string | undefined

  constructor(fields: ProviderTokenFields) {
    this.#accessToken = fields.accessToken
    this.tokenType = fields.tokenType
    this.issuedAt = fields.issuedAt
    this.expiresAt = fields.expiresAt
    this.scope = fields.scope
  }

  /** The bearer token for the provider's API. Never log it. */
  get accessToken(): string {
    return this.#accessToken
  }

  /** What serialising the token shows: everything but the secrets. */
  toJSON(): Record<string, unknown> {
    return { ...Object.fromEntries(Object.entries(this)), accessToken: '[redacted]' }
  }

  [inspectSymbol](): string {
    return `${this.constructor.name} ${JSON.stringify(this)}`
  }
}
