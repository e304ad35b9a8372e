import { describe, expect, it } from 'vitest'
import { endSessionUrl } from './endSessionUrl.ts'

const server = { issuer: 'https://id.example', end_session_endpoint: 'https://id.example/logout' }

describe('endSessionUrl', () => {
  it('sends the ID token as a hint by default, and only the user id when tokens must stay out of URLs', () => {
    const withToken = endSessionUrl(server, {
      clientId: 'spa',
      idToken: 'ID-TOKEN',
      logoutHint: 'alice',
      postLogoutRedirectUri: 'https://app.example/',
    })
    expect(withToken?.searchParams.get('id_token_hint')).toBe('ID-TOKEN')
    const withoutToken = endSessionUrl(server, {
      clientId: 'spa',
      idToken: undefined,
      logoutHint: 'alice',
      postLogoutRedirectUri: 'https://app.example/',
    })
    expect(withoutToken?.href).not.toContain('ID-TOKEN')
    expect(Object.fromEntries(withoutToken?.searchParams ?? [])).toEqual({
      client_id: 'spa',
      logout_hint: 'alice',
      post_logout_redirect_uri: 'https://app.example/',
    })
  })

  it('refuses an end-session endpoint in plain http off loopback', () => {
    expect(() =>
      endSessionUrl(
        { issuer: 'https://id.example', end_session_endpoint: 'http://id.example/logout' },
        { clientId: 'spa', idToken: undefined, logoutHint: undefined, postLogoutRedirectUri: 'https://app.example/' },
      ),
    ).toThrow(expect.objectContaining({ code: 'insecure_url' }))
  })
})
