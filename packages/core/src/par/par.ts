import * as oauth from 'oauth4webapi'
import { authError } from '../errors.ts'
import type { ParFeature } from '../oauth/protocolFeatures.ts'
import { requireSecureUrl } from '../oauth/secureUrl.ts'

/**
 * Pushes the authorization parameters to the server first (RFC 9126); the browser then goes to a
 * short URL, so nothing of the request can be read or altered in the address bar. A server that
 * requires PAR (`require_pushed_authorization_requests`) needs this option, else sign-ins fail with
 * `invalid_config`, as they do with it when the server has no PAR endpoint.
 * @see https://www.rfc-editor.org/rfc/rfc9126
 * @example createAuthClient({ ..., par: par() })
 */
export function par(): ParFeature {
  return {
    async push(protocol, params) {
      const server = await protocol.server()
      const endpoint = server.pushed_authorization_request_endpoint
      if (typeof endpoint !== 'string') {
        throw authError('invalid_config', `${server.issuer} has no pushed authorization request endpoint`, {
          issuer: server.issuer,
        })
      }
      requireSecureUrl(endpoint, 'pushed_authorization_request_endpoint')
      const client: oauth.Client = { client_id: protocol.clientId }
      const result = await protocol.call('The pushed authorization request failed', {
        request: (as, http) => oauth.pushedAuthorizationRequest(as, client, oauth.None(), params, http),
        process: (as, response) => oauth.processPushedAuthorizationResponse(as, client, response),
      })
      const url = new URL(server.authorization_endpoint as string)
      url.searchParams.set('client_id', protocol.clientId)
      url.searchParams.set('request_uri', result.request_uri)
      return url
    },
  }
}
