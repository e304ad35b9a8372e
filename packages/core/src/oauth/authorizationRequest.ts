import * as oauth from 'oauth4webapi'
import { authError } from '../errors.ts'
import type { AuthorizationServer } from './discoverServer.ts'

export interface AuthorizationRequestInput {
  /** `code` (with PKCE), or the legacy implicit `token`. */
  readonly responseType: 'code' | 'token'
  readonly clientId: string
  readonly redirectUri: string
  readonly scope: string
  /** Whether `openid` is requested, so a `nonce` binds the ID token to this request. */
  readonly openid: boolean
  /** The app's and the provider's parameters; none may be one payauth sets. */
  readonly extraParams: Readonly<Record<string, string>>
  /** Parameters of opt-in features (an intent, RAR details), set as given. */
  readonly featureParams: Readonly<Record<string, string>>
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
      throw authError('invalid_config', `The authorization parameter "${name}" is set by payauth`, {
        param: name,
      })
    }
  }
  const codeVerifier = input.responseType === 'code' ? oauth.generateRandomCodeVerifier() : undefined
  const state = oauth.generateRandomState()
  const nonce = input.openid && codeVerifier ? oauth.generateRandomNonce() : undefined
  const url = new URL(server.authorization_endpoint as string)
  const params = url.searchParams
  for (const [name, value] of Object.entries({ ...input.extraParams, ...input.featureParams })) params.set(name, value)
  params.set('client_id', input.clientId)
  params.set('redirect_uri', input.redirectUri)
  params.set('response_type', input.responseType)
  params.set('scope', input.scope)
  params.set('state', state)
  if (codeVerifier) {
    params.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier))
    params.set('code_challenge_method', 'S256')
  }
  if (nonce) params.set('nonce', nonce)
  return { url, state, codeVerifier, nonce }
}
