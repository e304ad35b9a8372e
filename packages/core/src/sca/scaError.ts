import { AuthError, type AuthErrorCode } from '../errors.ts'

/** An SCA failure that ended an operation; says which wallet operation it was. */
export class ScaError extends AuthError {
  /** `ScaError`. */
  override readonly name: string = 'ScaError'
  /** The SCA event of the challenge that failed. */
  readonly eventId: string
  /** The wallet operation that did not go through; start it again to retry. */
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
