import { describe, expect, it } from 'vitest'

describe('@payauth/core in Node', () => {
  it('imports and creates a client with no DOM present', async () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
    expect(typeof localStorage).toBe('undefined')
    const core = await import('./index.ts')
    const client = core.createAuthClient({
      provider: core.pace({ environment: 'production' }),
      clientId: 'server-rendered',
      redirectUri: 'https://shop.example/callback',
    })
    expect(client.getSnapshot()).toEqual({ status: 'loading' })
    await client.start()
    expect(client.getSnapshot()).toEqual({ status: 'signedOut', reason: 'none', error: undefined })
  })

  it('explains that navigation needs a browser or an injected navigator', async () => {
    const core = await import('./index.ts')
    const client = core.createAuthClient({
      provider: core.pace({ environment: 'sandbox' }),
      clientId: 'server-rendered',
      redirectUri: 'https://shop.example/callback',
    })
    await expect(client.handleCallback()).rejects.toMatchObject({ code: core.AuthErrorCode.InvalidConfig })
  })
})
