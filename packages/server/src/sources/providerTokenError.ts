import { ServerAuthError, type ServerErrorCode } from '../errors.ts'

/** What the provider said when it refused or failed a token request. */
export interface ProviderErrorFields<ErrorName extends string = string> {
  /** The HTTP status of the provider's answer. */
  readonly status: number
  /** The OAuth `error` of the answer (RFC 6749 §5.2), when it had one. */
  readonly error: ErrorName | (string & {}) | undefined
  /** The answer's `error_description`, with the client's secret blanked out should a provider echo it. */
  readonly errorDescription: string | undefined
}

/**
 * A token request the provider answered with an error: `TokenError` for a refusal (4xx: wrong
 * credentials, a grant or scope the client may not use), `ServerError` when it kept failing
 * (5xx, or 408/429 after the retries). Carries the provider's `error` and `error_description`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export class ProviderTokenError<ErrorName extends string = string>
  extends ServerAuthError
  implements ProviderErrorFields<ErrorName>
{
  /** `ProviderTokenError`. */
  override readonly name: string = 'ProviderTokenError'
  readonly status: number
  readonly error: ErrorName | (string & {}) | undefined
  readonly errorDescription: string | undefined

  /** Built by the token sources from the provider's answer; never from the request, which holds the secret. */
  constructor(
    code: typeof ServerErrorCode.TokenError | typeof ServerErrorCode.ServerError,
    message: string,
    fields: ProviderErrorFields<ErrorName>,
  ) {
    // The cause is the provider's answer in payauth's words: never the request, which holds the secret.
    super(code, message, { cause: { ...fields } })
    this.status = fields.status
    this.error = fields.error
    this.errorDescription = fields.errorDescription
  }
}
