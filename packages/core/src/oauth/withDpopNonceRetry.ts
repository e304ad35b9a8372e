import * as oauth from 'oauth4webapi'

/**
 * Runs a DPoP-signed request, and once more if the server asks for a nonce: the DPoP handle has
 * remembered the nonce from the refusal, so the second proof carries it.
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-8
 */
export async function withDpopNonceRetry<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request()
  } catch (error) {
    if (oauth.isDPoPNonceError(error)) return request()
    throw error
  }
}
