import { base64url } from 'jose'
import type { BffSession, SessionIntent } from '../sessions/bffSession.ts'
import type { GrantedTokens } from './protocolClient.ts'

/** Used when a provider omits `expires_in`: short, so the BFF refreshes early rather than late. */
const assumedLifetimeSeconds = 60

/** ID-token claims about the token itself rather than the user; the session does not keep them. */
const tokenBookkeeping = new Set([
  'iss',
  'aud',
  'exp',
  'iat',
  'nbf',
  'jti',
  'nonce',
  'azp',
  'at_hash',
  'c_hash',
  's_hash',
  'sid',
])

/** A new session from the code exchange's tokens. */
export function sessionFromTokens(
  tokens: GrantedTokens,
  context: { readonly now: number; readonly maxAgeMs: number; readonly intent?: SessionIntent },
): BffSession {
  return {
    id: base64url.encode(crypto.getRandomValues(new Uint8Array(32))),
    version: 0,
    ...tokenFields(tokens, context.now),
    claims: userClaims(tokens.idTokenClaims),
    ...(context.intent ? { intent: context.intent } : {}),
    createdAt: context.now,
    expiresAt: context.now + context.maxAgeMs,
  }
}

/**
 * The session after a refresh: the new tokens, and what the provider did not send again kept (a
 * provider that does not rotate refresh tokens sends none; one that sends no ID token keeps the claims).
 */
export function sessionAfterRefresh(session: BffSession, tokens: GrantedTokens, now: number): BffSession {
  const fields = tokenFields(tokens, now)
  return {
    ...session,
    ...fields,
    version: session.version + 1,
    refreshToken: fields.refreshToken ?? session.refreshToken,
    scope: tokens.scope === undefined ? session.scope : fields.scope,
    claims: tokens.idTokenClaims ? userClaims(tokens.idTokenClaims) : session.claims,
  }
}

function tokenFields(tokens: GrantedTokens, now: number) {
  return {
    accessToken: tokens.accessToken,
    accessTokenIssuedAt: now,
    accessTokenExpiresAt: now + (tokens.expiresIn ?? assumedLifetimeSeconds) * 1000,
    ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
    // Space-separated per RFC 6749; the oauth20 API separates with commas.
    scope: (tokens.scope ?? '').split(/[ ,]+/).filter(Boolean),
  }
}

function userClaims(claims: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(claims ?? {}).filter(([name]) => !tokenBookkeeping.has(name)))
}
