import type { TokenSource } from '../session/tokenSource.ts'
import type { TokenSet } from '../tokenSet.ts'
import type { ProtocolClient } from './protocolClient.ts'

/** Renewal straight at the authorization server with the session's refresh token. */
export function refreshTokenSource(protocol: ProtocolClient): TokenSource {
  return {
    renewable: (tokens, now) =>
      tokens.refreshToken !== undefined && (tokens.refreshExpiresAt === undefined || tokens.refreshExpiresAt > now),
    renew: (tokens) => protocol.refresh(tokens as TokenSet & { readonly refreshToken: string }),
    async discard(tokens) {
      if (tokens.refreshToken) await protocol.revoke(tokens.refreshToken)
    },
  }
}
