import type { RarFeature } from '../oauth/protocolFeatures.ts'
import type { AuthorizationDetail } from '../tokenSet.ts'

/**
 * Rich authorization requests (RFC 9396): `login({ authorizationDetails })` asks for exactly what
 * the user authorizes (one payment, say), and the granted details land in `session.authorizationDetails`.
 * @see https://www.rfc-editor.org/rfc/rfc9396
 * @example createAuthClient({ ..., rar: richAuthorization() })
 */
export function richAuthorization(): RarFeature {
  return {
    param: (details) => JSON.stringify(details),
    granted({ authorization_details: details }) {
      const valid =
        Array.isArray(details) &&
        details.every((entry: unknown) => typeof (entry as { type?: unknown } | null)?.type === 'string')
      return valid ? (details as AuthorizationDetail[]) : undefined
    },
  }
}
