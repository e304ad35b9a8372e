import * as oauth from 'oauth4webapi'
import { AuthError, AuthErrorCode } from '../errors.ts'
import type { AuthorizationDetail } from './authorizationDetails.ts'
import type { AuthorizationServer } from './discoverServer.ts'

export interface AuthorizationRequestInput {
  /** `code` (with PKCE), or the legacy implicit `token`. */
  readonly responseType: 'code' | 'token'
  readonly clientId: string
  readonly redirectUri: string
  readonly scope: string
  /** Whether `openid` is requested, so a `nonce` binds the ID token to this request. */
  readonly openid: boolean
  readonly extraParams: Readonly<Record<string, string>>
  /** RFC 9396 details, sent as JSON in `authorization_details`. */
  readonly authorizationDetails?: readonly AuthorizationDetail[] | undefined
}

export interface AuthorizationRequest {
  readonly url: URL
  readonly state: string
  /** Undefined for the implicit flow, which has no code to redeem. */
  readonly codeVerifier: string | undefined
  readonly nonce: string | undefined
}

/** Parameters payauth owns; letting callers override them would undo PKCE, CSRF or mix-up defences. */
const reservedParams = new Set([
  'client_id',
  'redirect_uri',
  'response_type',
  'response_mode',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'request',
  'request_uri',
  'authorization_details',
])

/**
 * Builds an authorization code request with PKCE S256, a fresh `state`, and a `nonce` for OpenID;
 * or, for servers that offer nothing else, a legacy implicit request with `state` only.
 * @see https://www.rfc-editor.org/rfc/rfc7636 PKCE
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-2.1.1 why S256 and state are required
 */
export async function createAuthorizationRequest(
  server: AuthorizationServer,
  input: AuthorizationRequestInput,
): Promise<AuthorizationRequest> {
  for (const name of Object.keys(input.extraParams)) {
    if (reservedParams.has(name)) {
      throw new AuthError(AuthErrorCode.InvalidConfig, `The authorization parameter "${name}" is set by payauth`, {
        cause: { param: name },
      })
    }
  }
  const codeVerifier = input.responseType === 'code' ? oauth.generateRandomCodeVerifier() : undefined
  const state = oauth.generateRandomState()
  const nonce = input.openid && input.responseType === 'code' ? oauth.generateRandomNonce() : undefined
  const url = new URL(server.authorization_endpoint as string)
  for (const [name, value] of Object.entries(input.extraParams)) url.searchParams.set(name, value)
  url.searchParams.set('client_id', input.clientId)
  url.searchParams.set('redirect_uri', input.redirectUri)
  url.searchParams.set('response_type', input.responseType)
  url.searchParams.set('scope', input.scope)
  url.searchParams.set('state', state)
  if (codeVerifier) {
    url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier))
    url.searchParams.set('code_challenge_method', 'S256')
  }
  if (nonce) url.searchParams.set('nonce', nonce)
  if (input.authorizationDetails)
    url.searchParams.set('authorization_details', JSON.stringify(input.authorizationDetails))
  return { url, state, codeVerifier, nonce }
}
