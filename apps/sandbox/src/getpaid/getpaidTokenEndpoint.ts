import type { IncomingMessage, ServerResponse } from 'node:http'
import type { JwtIssuer } from '../confidential/jwtIssuer.ts'
import { sendTokenEndpointError, TokenEndpointError } from '../confidential/tokenEndpointError.ts'
import { playFault, type TokenRequestMonitor } from '../confidential/tokenRequestMonitor.ts'
import { mediaTypeOf } from '../http/mediaType.ts'
import { readJsonObject } from '../http/readJsonObject.ts'
import { sendJson } from '../http/sendJson.ts'
import { authenticateGetpaidClient, type GetpaidClient, getpaidAudiences } from './getpaidClients.ts'

export interface GetpaidTokenEndpointDeps {
  readonly jwt: JwtIssuer
  readonly monitor: TokenRequestMonitor
  /** Access-token lifetime in seconds (`expires_in`). */
  readonly accessTokenTtl: number
}

/**
 * `POST /oauth/token` with the JSON body of getpaid's page `{client_id, client_secret, audience,
 * grant_type, scope}`; answers `{access_token (a JWT), token_type: "bearer", expires_in}`. Errors as
 * the Auth0 tenant behind it words them: 401 `access_denied` for bad credentials, 403 for an
 * audience this tenant does not serve (the live API, here) or scopes not granted to the client.
 */
export function getpaidTokenEndpoint(deps: GetpaidTokenEndpointDeps) {
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = mediaTypeOf(req) === 'application/json' ? await readJsonObject(req) : undefined
    const fault = deps.monitor.admit(String(body?.client_id ?? ''), String(body?.grant_type ?? ''))
    if (fault) return playFault(fault, req, res)
    try {
      if (!body) throw new TokenEndpointError('invalid_request', 'The body must be a JSON object (application/json)')
      if (body.grant_type !== 'client_credentials') {
        throw new TokenEndpointError('unsupported_grant_type', `Unsupported grant type: ${String(body.grant_type)}`)
      }
      const client = authenticateGetpaidClient(body.client_id, body.client_secret)
      if (!client) throw new TokenEndpointError('access_denied', 'Unauthorized', 401)
      if (body.audience !== getpaidAudiences.sandbox) {
        throw new TokenEndpointError(
          'access_denied',
          `Service not enabled within domain: ${String(body.audience)}`,
          403,
        )
      }
      sendJson(res, 200, await issue(client, grantedScopes(client, body.scope)))
    } catch (error) {
      if (!(error instanceof TokenEndpointError)) throw error
      sendTokenEndpointError(res, error)
    }
  }

  async function issue(client: GetpaidClient, scopes: readonly string[]) {
    const accessToken = await deps.jwt.sign(
      {
        sub: `${client.clientId}@clients`,
        aud: getpaidAudiences.sandbox,
        azp: client.clientId,
        scope: scopes.join(' '),
        gty: 'client-credentials',
      },
      deps.accessTokenTtl,
    )
    return { access_token: accessToken, token_type: 'bearer', expires_in: deps.accessTokenTtl }
  }

  return { handle }
}

/** The requested scopes if all were granted to the client; all its scopes when none is requested. */
function grantedScopes(client: GetpaidClient, scope: unknown): readonly string[] {
  if (scope === undefined) return client.grantedScopes
  if (typeof scope !== 'string') throw new TokenEndpointError('invalid_request', 'scope must be a string')
  const requested = scope.split(' ').filter(Boolean)
  const refused = requested.filter((candidate) => !client.grantedScopes.includes(candidate))
  if (refused.length > 0) {
    throw new TokenEndpointError('access_denied', `Client has not been granted scopes: ${refused.join(' ')}`, 403)
  }
  return requested
}
