// The baseline of the callback latency: the least any code-flow client must do on its callback
// page, with oauth4webapi alone. It discovers the server (as payauth and oidc-client-ts do on a
// fresh page), checks the response, redeems the code and checks the token response. It keeps
// the tokens in memory only and renews nothing: it takes part in the callback benchmark only.
import * as oauth from 'oauth4webapi'
import { installBench } from './installBench.ts'

const issuer = new URL(benchConfig.issuer)
const client: oauth.Client = { client_id: benchConfig.clientId }
// The sandbox is plain http on loopback.
const http = { [oauth.allowInsecureRequests]: true }
const loginKey = 'bare-oauth4webapi-login'
let accessToken: string | undefined

async function discover(): Promise<oauth.AuthorizationServer> {
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { ...http, algorithm: 'oidc' }))
}

const notMeasured = () =>
  Promise.reject(new Error('the bare oauth4webapi page only takes part in the callback benchmark'))

installBench({
  async login() {
    const server = await discover()
    const codeVerifier = oauth.generateRandomCodeVerifier()
    const state = oauth.generateRandomState()
    sessionStorage.setItem(loginKey, JSON.stringify({ codeVerifier, state }))
    const url = new URL(String(server.authorization_endpoint))
    url.search = new URLSearchParams({
      client_id: benchConfig.clientId,
      redirect_uri: benchConfig.redirectUri,
      response_type: 'code',
      scope: 'openid',
      state,
      code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    }).toString()
    location.assign(url)
  },
  async completeCallback() {
    const { codeVerifier, state } = JSON.parse(sessionStorage.getItem(loginKey) ?? '{}')
    const server = await discover()
    const params = oauth.validateAuthResponse(server, client, new URL(location.href), state)
    const response = await oauth.authorizationCodeGrantRequest(
      server,
      client,
      oauth.None(),
      params,
      benchConfig.redirectUri,
      codeVerifier,
      http,
    )
    accessToken = (await oauth.processAuthorizationCodeResponse(server, client, response)).access_token
  },
  restore: async () => accessToken !== undefined,
  accessToken: notMeasured,
  expiresAt: async () => undefined,
})
