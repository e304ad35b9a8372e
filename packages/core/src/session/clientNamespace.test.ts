import { describe, expect, it } from 'vitest'
import { clientNamespace } from './clientNamespace.ts'

describe('clientNamespace', () => {
  it('builds every key, lock and channel name from one prefix, as stored sessions already use them', () => {
    const names = clientNamespace('https://id.pace.cloud/auth/realms/pace', 'my-spa')
    expect(names).toMatchObject({
      sessionKey: 'payauth:https://id.pace.cloud/auth/realms/pace:my-spa:session',
      dpopKey: 'payauth:https://id.pace.cloud/auth/realms/pace:my-spa:dpopKey',
      renewalPauseKey: 'payauth:https://id.pace.cloud/auth/realms/pace:my-spa:renewalPause',
      refreshLock: 'payauth:refresh:https://id.pace.cloud/auth/realms/pace:my-spa',
      channel: 'payauth:https://id.pace.cloud/auth/realms/pace:my-spa',
    })
    expect(names.loginKey('abc')).toBe(`${names.loginPrefix}abc`)
    expect(names.callbackLock('abc')).toBe('payauth:refresh:https://id.pace.cloud/auth/realms/pace:my-spa:callback:abc')
  })

  it('keeps two clients of one origin apart', () => {
    const a = clientNamespace('https://id.example/', 'a')
    const b = clientNamespace('https://id.example/', 'b')
    expect(new Set([a.sessionKey, a.refreshLock, a.channel]).has(b.sessionKey)).toBe(false)
    expect(b.loginKey('s').startsWith(a.loginPrefix)).toBe(false)
  })
})
