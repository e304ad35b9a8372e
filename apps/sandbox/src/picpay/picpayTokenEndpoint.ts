import type { IncomingMessage, ServerResponse } from 'node:http'
import type { JwtIssuer } from '../confidential/jwtIssuer.ts'
import { sendTokenEndpointError, TokenEndpointError } from '../confidential/tokenEndpointError.ts'
import { playFault, type TokenRequestMonitor } from '../confidential/tokenRequestMonitor.ts'
import { mediaTypeOf } from '../http/mediaType.ts'
import { readJsonObject } from '../http/readJsonObject.ts'
import { sendJson } from '../http/sendJson.ts'
import { findPicpayClient, type PicpayClient, picpaySecretMatches } from './picpayClients.ts'

/** PicPay's tokens live five minutes, whatever the client wants. */
export const picpayTokenTtl = 300
/** The realm's not-before policy, as PicPay's example shows it. */
const notBeforePolicy = 1640873903
export const picpayAudience = 'picpay-acquiring-api'

export interface PicpayTokenEndpointDeps {
  readonly jwt: JwtIssuer
  readonly monitor: TokenRequestMonitor
}

/**
 * `POST /oauth2/token` with a JSON body `{grant_type, client_id, client_secret}`, as PicPay's page
 * shows it, and answering as the Keycloak behind it does: the grant type is checked first
 * (400 `unsupported_grant_type`), then the client (401 `invalid_client` for an unknown one,
 * 401 `unauthorized_client` "Invalid client or Invalid client credentials" for a wrong secret),
 * then its service account (400 `unauthorized_client`).
 */
export function picpayTokenEndpoint(deps: PicpayTokenEndpointDeps) {
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = mediaTypeOf(req) === 'application/json' ? await readJsonObject(req) : undefined
    const fault = deps.monitor.admit(String(body?.client_id ?? ''), String(body?.grant_type ?? ''))
    if (fault) return playFault(fault, req, res)
    try {
      if (!body) throw new TokenEndpointError('invalid_request', 'The body must be a JSON object (application/json)')
      if (body.grant_type !== 'client_credentials') {
        throw new TokenEndpointError('unsupported_grant_type', 'Unsupported grant_type')
      }
      const client = authenticate(body)
      if (!client.serviceAccount) {
        throw new TokenEndpointError('unauthorized_client', 'Client not enabled to retrieve service account')
      }
      sendJson(res, 200, await issue(client))
    } catch (error) {
      if (!(error instanceof TokenEndpointError)) throw error
      sendTokenEndpointError(res, error)
    }
  }

  function authenticate(body: Record<string, unknown>): PicpayClient {
    const client = typeof body.client_id === 'string' ? findPicpayClient(body.client_id) : undefined
    if (!client) throw new TokenEndpointError('invalid_client', 'Invalid client credentials', 401)
    if (typeof body.client_secret !== 'string' || !picpaySecretMatches(client, body.client_secret)) {
      throw new TokenEndpointError('unauthorized_client', 'Invalid client or Invalid client credentials', 401)
    }
    return client
  }

  async function issue(client: PicpayClient) {
    const accessToken = await deps.jwt.sign(
      { sub: client.clientId, azp: client.clientId, aud: picpayAudience, scope: client.scope },
      picpayTokenTtl,
    )
    // The field order of PicPay's example.
    return {
      access_token: accessToken,
      expires_in: picpayTokenTtl,
      refresh_expires_in: 0,
      token_type: 'Bearer',
      'not-before-policy': notBeforePolicy,
      scope: client.scope,
      'core-seller-id': client.coreSellerId,
      'merchant-document': client.merchantDocument,
      'seller-acquirer-id': client.sellerAcquirerId,
      authorization_details: client.authorizationDetails,
    }
  }

  return { handle }
}
