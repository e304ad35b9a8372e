import * as oauth from 'oauth4webapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../startSandbox.ts'
import { browseAuthorization } from '../testing/browseAuthorization.ts'
import { paceBffCallbackPath, paceBffClientId, paceBffClientSecret, paceBffJwtClientId } from './bffClients.ts'

// The realm's confidential clients for a backend-for-frontend: secret (Basic) and private_key_jwt.
const appOrigin = 'http://127.0.0.1:5180'
const redirectUri = `${appOrigin}${paceBffCallbackPath}`
let sandbox: Sandbox
let signingKey: oauth.CryptoKey

beforeAll(async () => {
  const pair = await oauth.generateKeyPair('ES256', { extractable: true })
  signingKey = pair.privateKey
  const publicJwk = { ...(await crypto.subtle.exportKey('jwk', pair.publicKey)), kid: 'bff-key', alg: 'ES256' }
  sandbox = await startSandbox({ port: 0, appOrigins: [appOrigin], paceBffClientJwks: { keys: [publicJwk] } })
})
afterAll(() => sandbox.close())

async function codeFor(clientId: string): Promise<{ code: URL; verifier: string }> {
  const verifier = oauth.generateRandomCodeVerifier()
  const url = new URL(`${sandbox.paceIssuer}/protocol/openid-connect/auth`)
  url.search = new URLSearchParams({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid profile',
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  }).toString()
  return { code: new URL(await browseAuthorization(url.href, { username: 'bob', redirectUri })), verifier }
}

async function redeem(clientId: string, auth: oauth.ClientAuth) {
  const as = await oauth.processDiscoveryResponse(
    new URL(sandbox.paceIssuer),
    await oauth.discoveryRequest(new URL(sandbox.paceIssuer), { [oauth.allowInsecureRequests]: true }),
  )
  const client = { client_id: clientId }
  const { code, verifier } = await codeFor(clientId)
  const params = oauth.validateAuthResponse(as, client, code)
  const response = await oauth.authorizationCodeGrantRequest(as, client, auth, params, redirectUri, verifier, {
    [oauth.allowInsecureRequests]: true,
  })
  return oauth.processAuthorizationCodeResponse(as, client, response)
}

describe('PACE clients of a backend-for-frontend', () => {
  it('redeem codes sent to the app origin with the client secret over HTTP Basic', async () => {
    const tokens = await redeem(paceBffClientId, oauth.ClientSecretBasic(paceBffClientSecret))
    expect(tokens.refresh_token).toBeTruthy()
    // A failed Basic authentication answers 401 with a `WWW-Authenticate: Basic error="invalid_client"` challenge.
    await expect(redeem(paceBffClientId, oauth.ClientSecretBasic('wrong-secret'))).rejects.toMatchObject({
      status: 401,
      cause: [{ scheme: 'basic', parameters: { error: 'invalid_client' } }],
    })
  })

  it('redeem codes with a private_key_jwt assertion signed by the registered key', async () => {
    const tokens = await redeem(paceBffJwtClientId, oauth.PrivateKeyJwt({ key: signingKey, kid: 'bff-key' }))
    expect(tokens.access_token).toBeTruthy()
    await expect(redeem(paceBffJwtClientId, oauth.None())).rejects.toMatchObject({ error: 'invalid_client' })
  })
})
