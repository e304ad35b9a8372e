const inspectSymbol = Symbol.for('nodejs.util.inspect.custom')

/** The fields every provider's token response gives, in payauth's shape. */
export interface ProviderTokenFields {
  /** The access token as the provider issued it (`access_token`). */
  readonly accessToken: string
  /** `Bearer`, whatever case the provider wrote it in. */
  readonly tokenType: 'Bearer'
  /** Epoch milliseconds at which the request was sent: the lifetime is counted from there. */
  readonly issuedAt: number
  /** Epoch milliseconds: `issuedAt` + `expires_in` seconds, or + 60 s when the provider omits `expires_in`. */
  readonly expiresAt: number
  /**
   * The granted scope, space-separated, when the provider says; else the requested one (RFC 6749
   * §5.1), and undefined when neither the response nor the request named one.
   */
  readonly scope: string | undefined
}

/**
 * A token a provider issued. The access token is readable through `accessToken` only: it is kept
 * out of `JSON.stringify`, object spread, `util.inspect` and logs, which show `[redacted]`.
 */
export class ProviderToken {
  readonly #accessToken: string
  /** Always `Bearer`: a response with another `token_type` is refused as `invalid_response`. */
  readonly tokenType: 'Bearer'
  /** Epoch milliseconds at which the token request was sent; the lifetime counts from there, so a slow answer errs early. */
  readonly issuedAt: number
  /**
   * Epoch milliseconds: `issuedAt` + `expires_in` seconds (60 s when the provider omits it). Token
   * sources start renewing it before this: a tenth of its lifetime early, but never more than a
   * minute nor, for tokens of 20 s or more, less than 5 s.
   */
  readonly expiresAt: number
  /** The granted scope, space-separated; the requested one when the response omits it, undefined when neither says. */
  readonly scope: string | undefined

  /** Built by the token sources from a checked token response. */
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

  /** What Node's `util.inspect` (and so `console.log`) shows: the class name and {@link toJSON}'s output. */
  [inspectSymbol](): string {
    return `${this.constructor.name} ${JSON.stringify(this)}`
  }
}
