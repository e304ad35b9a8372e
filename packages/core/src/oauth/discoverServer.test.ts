import { describe, expect, it } from 'vitest'
import { AuthErrorCode } from '../errors.ts'
import { discoverServer } from './discoverServer.ts'
import { httpOptions } from './httpOptions.ts'

const issuer = 'http://127.0.0.1:9400/auth/realms/pace'

function discover(document: Record<string, unknown>) {
  const http = httpOptions(new URL(issuer), async () =>
    Response.json({
      issuer,
      authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
      token_endpoint: `${issuer}/protocol/openid-connect/token`,
      ...document,
    }),
  )
  return discoverServer(new URL(issuer), http)
}

describe('discoverServer', () => {
  it('accepts a loopback issuer whose endpoints are all loopback or https', async () => {
    const server = await discover({ revocation_endpoint: 'https://id.example/revoke' })
    expect(server.revocation_endpoint).toBe('https://id.example/revoke')
  })

  it.each([
    'revocation_endpoint',
    'end_session_endpoint',
    'pushed_authorization_request_endpoint',
    'userinfo_endpoint',
    'jwks_uri',
  ])(
    'refuses a loopback issuer whose %s is plain http on another host (tokens would travel in clear)',
    async (name) => {
      await expect(discover({ [name]: 'http://attacker.example/collect' })).rejects.toMatchObject({
        code: AuthErrorCode.InsecureUrl,
      })
    },
  )
})
