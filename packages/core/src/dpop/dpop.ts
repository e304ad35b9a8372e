import * as oauth from 'oauth4webapi'
import type { DpopFeature } from '../oauth/protocolFeatures.ts'
import { dpopKeyPair } from './dpopKeyPair.ts'

/**
 * Binds tokens to a non-extractable ES256 key kept in the token store (RFC 9449): a stolen token
 * is useless elsewhere. Token and resource requests carry proofs; `use_dpop_nonce` is retried once.
 * The server must support DPoP for the client: a DPoP client refuses a `Bearer` answer. The token
 * store must keep a `CryptoKeyPair` as it is, as IndexedDB does; the native adapters' JSON stores
 * cannot.
 * @see https://www.rfc-editor.org/rfc/rfc9449
 * @example createAuthClient({ ..., dpop: dpop() })
 */
export function dpop(): DpopFeature {
  return {
    async handle({ store, key, lock, lockName }) {
      // Under the cross-tab lock, so two tabs' first token requests cannot make two keys.
      const keyPair = await lock.run(lockName, () => dpopKeyPair(store, key))
      return oauth.DPoP({}, keyPair)
    },
  }
}
