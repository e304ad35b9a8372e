import { ServerAuthError, ServerErrorCode } from '../errors.ts'

/** A non-empty string option, or an `InvalidConfig` error naming it (never its value: it may be a secret). */
export function requiredOption(label: string, name: string, value: unknown): string {
  if (typeof value === 'string' && value.length > 0) return value
  throw new ServerAuthError(ServerErrorCode.InvalidConfig, `${label}: ${name} is required`, {
    cause: { option: name, type: typeof value },
  })
}
