import { AuthError, type AuthErrorCode } from '../errors.ts'

/** An SCA failure that ended an operation; says which wallet operation it was. */
export class ScaError extends AuthError {
  override readonly name: string = 'ScaError'
  readonly eventId: string
  readonly walletOperationId: string

  constructor(
    code: AuthErrorCode,
    message: string,
    details: { readonly eventId: string; readonly walletOperationId: string },
    options: { cause: unknown },
  ) {
    super(code, message, options)
    this.eventId = details.eventId
    this.walletOperationId = details.walletOperationId
  }
}
