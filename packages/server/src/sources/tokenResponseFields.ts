import { ServerAuthError, ServerErrorCode } from '../errors.ts'
import type { ProviderTokenFields } from './providerToken.ts'

/** The lifetime assumed when a provider leaves `expires_in` out (RFC 6749 makes it optional). */
const assumedLifetimeSeconds = 60

/**
 * The fields of a successful token response (RFC 6749 §5.1) every provider shares, checked.
 * `requestedScope` stands in when the response omits `scope` (RFC 6749: then it was granted as asked).
 */
export function tokenResponseFields(
  label: string,
  body: Record<string, unknown>,
  issuedAt: number,
  requestedScope: string | undefined,
): ProviderTokenFields {
  const invalid = (reason: string) =>
    new ServerAuthError(ServerErrorCode.InvalidResponse, `${label}: the token response ${reason}`, {
      cause: { reason },
    })
  const { access_token: accessToken, token_type: tokenType, expires_in: expiresIn, scope } = body
  if (typeof accessToken !== 'string' || accessToken.length === 0) throw invalid('has no access_token')
  if (typeof tokenType !== 'string' || tokenType.toLowerCase() !== 'bearer') throw invalid('is not a Bearer token')
  if (expiresIn !== undefined && (typeof expiresIn !== 'number' || !(expiresIn > 0))) {
    throw invalid('has an invalid expires_in')
  }
  if (scope !== undefined && typeof scope !== 'string') throw invalid('has an invalid scope')
  return {
    accessToken,
    tokenType: 'Bearer',
    issuedAt,
    expiresAt: issuedAt + (expiresIn ?? assumedLifetimeSeconds) * 1000,
    scope: scope ?? requestedScope,
  }
}

/** Reads a 2xx response's JSON object; anything else is an invalid response. */
export async function readTokenJson(label: string, response: Response): Promise<Record<string, unknown>> {
  let body: unknown
  try {
    body = await response.json()
  } catch (error) {
    throw new ServerAuthError(ServerErrorCode.InvalidResponse, `${label}: the token response is not JSON`, {
      cause: { status: response.status, reason: error instanceof Error ? error.name : 'unreadable body' },
    })
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ServerAuthError(ServerErrorCode.InvalidResponse, `${label}: the token response is not a JSON object`, {
      cause: { status: response.status, reason: 'not an object' },
    })
  }
  return body as Record<string, unknown>
}
