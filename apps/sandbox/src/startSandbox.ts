import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { providerTestEndpoints, providerTestPathPrefix } from './confidential/providerTestEndpoints.ts'
import { createGetpaidServer, getpaidPathPrefix } from './getpaid/getpaidServer.ts'
import { restrictCors } from './http/restrictCors.ts'
import { createOauth20Server } from './oauth20/oauth20Server.ts'
import { demoUsers } from './pace/demoUsers.ts'
import { createPaceRealm, demoClientId, demoDpopClientId, demoNativeClientId, paceRealmPath } from './pace/paceRealm.ts'
import { createPaysafeServer } from './paysafe/paysafeServer.ts'
import { createPicpayServer, picpayPathPrefix } from './picpay/picpayServer.ts'
import { scaEventStore } from './wallet/scaEvents.ts'
import { smsOutbox } from './wallet/smsOutbox.ts'
import { walletApi } from './wallet/walletApi.ts'

export interface SandboxOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  readonly port?: number
  /** Origins of the apps that may call the sandbox from a browser and be redirected back to. */
  readonly appOrigins?: readonly string[]
  /** Access-token lifetime in seconds. */
  readonly accessTokenTtl?: number
  /** Lifetime of a new oauth20 intent in seconds. */
  readonly intentTtl?: number
  /** Seconds an SCA challenge of the wallet stays open. */
  readonly scaWindow?: number
  /** Seconds before the partner sends another one-time code. */
  readonly scaResendCooldown?: number
  /** Public keys of the PACE BFF client that authenticates with `private_key_jwt`. */
  readonly paceBffClientJwks?: { readonly keys: readonly object[] }
  /** Lifetime of Paysafe refresh tokens in seconds (`refresh_expires_in`). */
  readonly paysafeRefreshTokenTtl?: number
  /** Lifetime of getpaid access tokens in seconds. */
  readonly getpaidAccessTokenTtl?: number
}

export interface Sandbox {
  /** e.g. `http://127.0.0.1:9400` */
  readonly origin: string
  /** The PACE realm's issuer, e.g. `http://127.0.0.1:9400/auth/realms/pace` */
  readonly paceIssuer: string
  readonly paceClientId: string
  /** The PACE client that requires DPoP. */
  readonly paceDpopClientId: string
  /** The PACE client of the app as a native app (private-use scheme `com.example.wallet:`). */
  readonly paceNativeClientId: string
  /** Base URL of the oauth20 API (`/oauth20/authorize`, `/oauth20/token`), i.e. the origin. */
  readonly oauth20BaseUrl: string
  /** Paysafe's `…/digitalwallets/v1`: brand token endpoints at `{paysafeBaseUrl}/auth/brands/{brandIdentity}/token`. */
  readonly paysafeBaseUrl: string
  /** PicPay's API base: the token endpoint is `{picpayBaseUrl}/oauth2/token`. */
  readonly picpayBaseUrl: string
  /** getpaid's auth and API base: the token endpoint is `{getpaidBaseUrl}/oauth/token`. */
  readonly getpaidBaseUrl: string
  /** The wallet API, where partners report OUTSOURCED SCA attempts: `{walletBaseUrl}/sca/events/{eventId}/attempts`. */
  readonly walletBaseUrl: string
  close(): Promise<void>
}

export const defaultAppOrigins = ['http://127.0.0.1:5173', 'http://localhost:5173']

/** Starts every stand-in provider in one HTTP server on loopback. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`
  const appOrigins = new Set(options.appOrigins ?? defaultAppOrigins)
  const pace = createPaceRealm({
    origin,
    appOrigins: [...appOrigins],
    accessTokenTtl: options.accessTokenTtl ?? 300,
    bffClientJwks: options.paceBffClientJwks,
  })

  const oauth20 = createOauth20Server({
    appOrigins: [...appOrigins],
    accessTokenTtl: options.accessTokenTtl ?? 300,
    intentTtl: options.intentTtl ?? 600,
  })

  const paysafe = createPaysafeServer({
    origin,
    accessTokenTtl: options.accessTokenTtl ?? 300,
    refreshTokenTtl: options.paysafeRefreshTokenTtl ?? 1800,
    // The brand trusts the partner's identity provider, played by the PACE realm.
    async resolveSubjectToken(token) {
      const found = await pace.provider.AccessToken.find(token)
      return found && !found.isExpired && !found.jkt ? found.accountId : undefined
    },
  })
  const picpay = createPicpayServer({ origin })
  const getpaid = createGetpaidServer({ origin, accessTokenTtl: options.getpaidAccessTokenTtl ?? 3600 })
  const providerTests = providerTestEndpoints({
    paysafe: paysafe.monitor,
    picpay: picpay.monitor,
    getpaid: getpaid.monitor,
  })

  const wallet = walletApi(pace.provider, scaEventStore(), smsOutbox(), {
    appOrigins,
    scaWindow: options.scaWindow ?? 900,
    resendCooldown: options.scaResendCooldown ?? 30,
    partnerTokens: paysafe.verifyAccessToken,
  })

  /** Each part of the sandbox and the paths it owns; it answers false for a path it does not serve. */
  const mounts: readonly Mount[] = [
    {
      name: 'PACE realm',
      owns: (path) => path === paceRealmPath || path.startsWith(`${paceRealmPath}/`),
      handle: async (req, res) => {
        await pace.handle(req, res)
        return true
      },
    },
    { name: 'wallet', owns: (path) => /^\/(wallet|partner|sandbox)\//.test(path), handle: wallet.handle },
    { name: 'oauth20', owns: (path) => /^\/(oauth20|merchant)\//.test(path), handle: oauth20.handle },
    { name: 'Paysafe', owns: (path) => path.startsWith('/paysafe/'), handle: paysafe.handle },
    { name: 'PicPay', owns: (path) => path.startsWith(`${picpayPathPrefix}/`), handle: picpay.handle },
    { name: 'getpaid', owns: (path) => path.startsWith(`${getpaidPathPrefix}/`), handle: getpaid.handle },
    {
      name: 'provider test endpoint',
      owns: (path) => path.startsWith(providerTestPathPrefix),
      handle: providerTests.handle,
    },
    { name: 'test endpoint', owns: (path) => path.startsWith('/test/'), handle: pace.handleTest },
    {
      name: 'demo users',
      owns: (path) => path === '/demo-users',
      async handle(req, res) {
        // Public by design: the demo shows these so anyone can sign in to the sandbox.
        const origin = req.headers.origin
        res.writeHead(200, {
          'content-type': 'application/json',
          ...(origin && appOrigins.has(origin) ? { 'access-control-allow-origin': origin } : {}),
        })
        res.end(
          JSON.stringify(demoUsers.map(({ username, password, name, pin }) => ({ username, password, name, pin }))),
        )
        return true
      },
    },
    {
      name: 'health',
      owns: (path) => path === '/' || path === '/healthz',
      async handle(_req, res) {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ pace: { issuer: pace.issuer, clientId: demoClientId } }))
        return true
      },
    },
  ]

  server.on('request', (req, res) => {
    restrictCors(req, res, appOrigins)
    const path = req.url ?? '/'
    const mount = mounts.find((candidate) => candidate.owns(path))
    if (!mount) return notFound(res)
    mount
      .handle(req, res)
      .then((handled) => {
        if (!handled) notFound(res)
      })
      .catch((error: unknown) => {
        console.error(`sandbox: ${mount.name} failed`, error)
        if (!res.headersSent) res.writeHead(500)
        res.end()
      })
  })

  return {
    origin,
    paceIssuer: pace.issuer,
    paceClientId: demoClientId,
    paceDpopClientId: demoDpopClientId,
    paceNativeClientId: demoNativeClientId,
    oauth20BaseUrl: origin,
    paysafeBaseUrl: paysafe.baseUrl,
    picpayBaseUrl: picpay.baseUrl,
    getpaidBaseUrl: getpaid.baseUrl,
    walletBaseUrl: `${origin}/wallet`,
    close: () => closeServer(server),
  }
}

interface Mount {
  readonly name: string
  owns(path: string): boolean
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain' })
  res.end('Not found')
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()))
    server.closeAllConnections()
  })
}
