import { type OAuthErrorFields, OAuthResponseError } from '../errors.ts'

/** The intent errors an intent-based authorization server documents. */
export const intentErrors = [
  'INTENT_NOT_FOUND',
  'ITYPE_MISSING_OR_INVALID',
  'INTENT_ID_MISSING',
  'INTENT_HAS_BEEN_USED_BEFORE',
  'INTENT_HAS_EXPIRED',
  'INTENT_USED_OR_EXPIRED',
  'BACK_BUTTON_NOT_ALLOWED',
] as const

/** One of {@link intentErrors}: the `error` of an {@link IntentError}. */
export type IntentErrorName = (typeof intentErrors)[number]

/**
 * The server refused the intent a sign-in named; `error` says why, e.g. `INTENT_HAS_EXPIRED`. Its
 * `code` is `intent_rejected`. Completing the sign-in raises it, when the server answers the
 * redirect or the token request with one of {@link intentErrors}.
 */
export class IntentError extends OAuthResponseError {
  /** `IntentError`. */
  override readonly name: string = 'IntentError'
  override readonly error: IntentErrorName

  constructor(fields: OAuthErrorFields & { readonly error: IntentErrorName }, options: { cause: unknown }) {
    super('intent_rejected', fields, options)
    this.error = fields.error
  }
}
