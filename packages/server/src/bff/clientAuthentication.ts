import type { CryptoKey } from 'jose'
import * as client from 'openid-client'

/** How the BFF proves itself to the provider's token endpoint. */
export type ClientAuthenticationMethod = 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt'

/**
 * A client credential. Only its method is visible: the secret or key sits in a module-private
 * map, so logging, `util.inspect` or `JSON.stringify` of options never shows it.
 */
export interface ClientAuthentication {
  /** The token-endpoint authentication method, by its registered name (`token_endpoint_auth_method`). */
  readonly method: ClientAuthenticationMethod
}

const credentials = new WeakMap<ClientAuthentication, () => client.ClientAuth>()

function credential(method: ClientAuthenticationMethod, toClientAuth: () => client.ClientAuth): ClientAuthentication {
  const authentication = Object.freeze({ method })
  credentials.set(authentication, toClientAuth)
  return authentication
}

/**
 * The client secret in HTTP Basic (RFC 6749 §2.3.1, id and secret URL-encoded): what most
 * providers, Keycloak and the oauth20 API included, expect by default.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export function clientSecretBasic(clientSecret: string): ClientAuthentication {
  return credential('client_secret_basic', () => client.ClientSecretBasic(clientSecret))
}

/**
 * The client secret as `client_id` and `client_secret` form fields of each token request, for
 * providers that do not take HTTP Basic (RFC 6749 discourages it otherwise).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export function clientSecretPost(clientSecret: string): ClientAuthentication {
  return credential('client_secret_post', () => client.ClientSecretPost(clientSecret))
}

/**
 * A client assertion signed with the BFF's private key (RFC 7523, OpenID `private_key_jwt`): no
 * shared secret at all, what FAPI-grade providers require. Register the public key (or a JWKS
 * URL) with the provider; `keyId` is the `kid` it was registered under (no `kid` is sent when undefined).
 *
 * @see https://www.rfc-editor.org/rfc/rfc7523
 */
export function privateKeyJwt(privateKey: CryptoKey, keyId?: string): ClientAuthentication {
  return credential('private_key_jwt', () =>
    client.PrivateKeyJwt(keyId === undefined ? privateKey : { key: privateKey, kid: keyId }),
  )
}

/** openid-client's form of a credential; internal to the protocol client. */
export function toClientAuth(authentication: ClientAuthentication): client.ClientAuth {
  const toClientAuthOf = credentials.get(authentication)
  if (!toClientAuthOf) {
    throw new TypeError('Create client credentials with clientSecretBasic(), clientSecretPost() or privateKeyJwt()')
  }
  return toClientAuthOf()
}
