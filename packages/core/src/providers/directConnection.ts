import type { DirectProviderConfig } from '../oauth/directConfig.ts'
import { endSessionUrl } from '../oauth/endSessionUrl.ts'
import { protocolClient } from '../oauth/protocolClient.ts'
import { refreshTokenSource } from '../oauth/refreshTokenSource.ts'
import { requireSecureUrl } from '../oauth/secureUrl.ts'
import { completeSignIn } from '../signIn/completeSignIn.ts'
import { startSignIn } from '../signIn/startSignIn.ts'
import { toAuthError } from '../toAuthError.ts'
import type { Connection, ConnectionContext } from './connection.ts'

/** A revocation at logout must not hold the user back for long. */
const revocationTimeoutMs = 5_000

/**
 * The browser as a public client of the authorization server: code + PKCE sign-in, refresh with
 * the refresh token, revocation and RP-initiated logout.
 */
export function directConnection(config: DirectProviderConfig): (context: ConnectionContext) => Connection {
  return (context) => {
    const { features, names } = context
    const protocol = protocolClient({
      issuer: requireSecureUrl(config.issuer, 'issuer'),
      issuerId: config.issuer,
      clientId: context.clientId,
      endpoints: config.endpoints,
      scopeSeparator: config.scopeSeparator ?? ' ',
      fetch: context.fetch,
      now: context.now,
      dpop:
        features.dpop &&
        (() =>
          (features.dpop as NonNullable<typeof features.dpop>).handle({
            store: context.store,
            key: names.dpopKey,
            lock: context.lock,
            lockName: names.dpopLock,
          })),
      grantedDetails: features.rar?.granted,
    })
    const deps = { ...context, config, protocol }
    return {
      source: refreshTokenSource(protocol),
      protocol,
      authorize: (request) => startSignIn(deps, request),
      completeCallback: (url, state) =>
        completeSignIn(deps, url, state).catch((error: unknown) => {
          const failure = toAuthError(error, 'invalid_response', 'Completing the sign-in failed')
          throw config.refineError?.(failure) ?? failure
        }),
      async endSession(ending, landingUrl, hints) {
        const server = await protocol.server()
        if (ending?.refreshToken && typeof server.revocation_endpoint === 'string') {
          await protocol.revoke(ending.refreshToken, {
            ...protocol.plainHttp,
            signal: () => AbortSignal.timeout(revocationTimeoutMs),
          })
        }
        return endSessionUrl(server, {
          clientId: context.clientId,
          idToken: hints.idTokenHint ? ending?.idToken : undefined,
          logoutHint: ending?.user?.sub,
          postLogoutRedirectUri: landingUrl,
        })
      },
      settleSignIns: () => context.sessions.sweepLogins(context.now()),
      resourceHttp: async (tokens) => (tokens?.tokenType === 'DPoP' ? protocol.http() : protocol.plainHttp),
    }
  }
}
