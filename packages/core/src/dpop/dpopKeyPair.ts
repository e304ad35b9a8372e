import * as oauth from 'oauth4webapi'
import { authError } from '../errors.ts'
import type { TokenStore } from '../storage/tokenStore.ts'

/**
 * The client's DPoP key pair: ES256, made once, private key non-extractable (script on the page
 * can sign with it but never read it out), kept in the token store so a reload keeps the binding.
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-2
 */
export async function dpopKeyPair(store: TokenStore, key: string): Promise<CryptoKeyPair> {
  const stored = await store.get<CryptoKeyPair>(key)
  // Only a key this code made is used: a planted extractable one could be read out and replayed.
  if (isOwnKeyPair(stored)) return stored
  const created = await oauth.generateKeyPair('ES256', { extractable: false })
  await store.set(key, created)
  // A store that keeps JSON (a native keychain bridge) turns the key into `{}`: every reload would
  // then make a new key, and the refresh token, bound to the old one, would be refused. Said now.
  if (!isOwnKeyPair(await store.get<CryptoKeyPair>(key))) {
    await store.delete(key).catch(() => {})
    throw authError(
      'invalid_config',
      'dpop() needs a token store that keeps a CryptoKey as it is (IndexedDB, memory); this one does not',
      { feature: 'dpop' },
    )
  }
  return created
}

function isOwnKeyPair(value: CryptoKeyPair | undefined): value is CryptoKeyPair {
  const privateKey = value?.privateKey
  return (
    privateKey instanceof CryptoKey &&
    value?.publicKey instanceof CryptoKey &&
    !privateKey.extractable &&
    privateKey.algorithm.name === 'ECDSA' &&
    (privateKey.algorithm as EcKeyAlgorithm).namedCurve === 'P-256'
  )
}
