/**
 * One entry of a Rich Authorization Request: what exactly the user authorizes, such as a payment
 * of an amount to a payee. `type` decides the other fields, which the server defines.
 * @see https://www.rfc-editor.org/rfc/rfc9396#section-2
 */
export interface AuthorizationDetail {
  readonly type: string
  readonly locations?: readonly string[]
  readonly actions?: readonly string[]
  readonly datatypes?: readonly string[]
  readonly identifier?: string
  readonly privileges?: readonly string[]
  readonly [field: string]: unknown
}

/** The details granted, when the server answered with a well-formed list; otherwise undefined. */
export function grantedAuthorizationDetails(value: unknown): readonly AuthorizationDetail[] | undefined {
  if (!Array.isArray(value)) return undefined
  const valid = value.every(
    (entry: unknown) =>
      typeof entry === 'object' && entry !== null && typeof (entry as { type?: unknown }).type === 'string',
  )
  return valid ? (value as AuthorizationDetail[]) : undefined
}
