import { appOrigin, testClient } from '@payauth/harness'
import { sandbox, setUpSandbox } from '@payauth/harness/vitest'
import { browseAuthorization } from '@payauth/sandbox'
import { describe, expect, it } from 'vitest'
import { dpop } from './dpop/dpop.ts'
import { memoryTokenStore } from './storage/memoryTokenStore.ts'
import type { TokenStore } from './storage/tokenStore.ts'
import type { TokenSet } from './tokenSet.ts'

setUpSandbox()

const redirectUri = `${appOrigin}/dpop/callback`
const minute = 60_000

function dpopTab(store: TokenStore, now: () => number = Date.now) {
  return testClient(sandbox, { clientId: sandbox.paceDpopClientId, redirectUri, dpop: dpop(), store, now })
}

/** What the sandbox knows of a token: the thumbprint of the key it is bound to. */
async function boundKey(accessToken: string): Promise<{ active: boolean; tokenType: string; jkt: string | null }> {
  const response = await fetch(`${sandbox.origin}/test/access-token`, {
    method: 'POST',
    body: new URLSearchParams({ token: accessToken }),
  })
  return (await response.json()) as { active: boolean; tokenType: string; jkt: string | null }
}

/** RFC 7638 thumbprint of the stored public key, computed independently of the SDK. */
async function thumbprint(store: TokenStore): Promise<string> {
  const keyPair = await store.get<CryptoKeyPair>(`payauth:${sandbox.paceIssuer}:${sandbox.paceDpopClientId}:dpopKey`)
  if (!keyPair) throw new Error('no DPoP key stored')
  const { crv, kty, x, y } = await crypto.subtle.exportKey('jwk', keyPair.publicKey)
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify({ crv, kty, x, y })))
  return btoa(String.fromCharCode(...new Uint8Array(digest)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

describe('DPoP', () => {
  it('binds tokens to a non-extractable key kept in the store, across refreshes and reloads', async () => {
    let time = Date.now()
    const store = memoryTokenStore()
    const tab = dpopTab(store, () => time)
    await tab.client.login()
    const callbackUrl = await browseAuthorization(tab.navigator.assigned.at(-1) ?? '', {
      username: 'alice',
      redirectUri,
    })
    const { session } = await tab.client.handleCallback(callbackUrl)
    expect(session.tokenType).toBe('DPoP')

    const keyPair = await store.get<CryptoKeyPair>(`payauth:${sandbox.paceIssuer}:${sandbox.paceDpopClientId}:dpopKey`)
    expect(keyPair?.privateKey.extractable).toBe(false)
    const jkt = await thumbprint(store)
    expect(await boundKey(session.accessToken)).toEqual({ active: true, tokenType: 'DPoP', jkt })

    time += 10 * minute
    const refreshed = await tab.client.getAccessToken()
    expect(refreshed).not.toBe(session.accessToken)
    expect((await boundKey(refreshed)).jkt).toBe(jkt)
    tab.client.dispose()

    time += 10 * minute
    const reloaded = dpopTab(store, () => time)
    const afterReload = await reloaded.client.getAccessToken()
    expect((await boundKey(afterReload)).jkt).toBe(jkt)
    expect(
      (await store.get<TokenSet>(`payauth:${sandbox.paceIssuer}:${sandbox.paceDpopClientId}:session`))?.tokenType,
    ).toBe('DPoP')
    // The sandbox demands DPoP nonces from this client: a page's first token request is refused
    // with use_dpop_nonce and retried once; later ones carry the nonce they were given.
    expect(tab.grants).toEqual(['authorization_code', 'authorization_code', 'refresh_token'])
    expect(reloaded.grants).toEqual(['refresh_token', 'refresh_token'])
  })
})
