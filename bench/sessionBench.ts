// pnpm bench: how many token requests N concurrent callers cause, in one tab and across K tabs,
// and how fast getAccessToken() answers from a valid cached token. The goal for the first two is 1.
// Tabs are clients in one process sharing what a browser's tabs share: IndexedDB (fake-indexeddb),
// the IndexedDB lease lock (Node has no Web Locks) and a broadcast channel.
import 'fake-indexeddb/auto'
import {
  type AuthClient,
  type AuthLock,
  createAuthClient,
  idbTokenStore,
  leaseLock,
  pace,
  type TokenStore,
} from '@payauth/core'
import { type RecordingNavigator, recordingNavigator, sessionChannelHub } from '@payauth/core/testing'
import { browseAuthorization, startSandbox } from '@payauth/sandbox'

const appOrigin = 'http://127.0.0.1:5173'
const redirectUri = `${appOrigin}/callback`
const sandbox = await startSandbox({ port: 0, appOrigins: [appOrigin], accessTokenTtl: 300 })

let time = Date.now()
let tokenRequests = 0

interface Browser {
  readonly store: TokenStore
  readonly lock: AuthLock
  readonly channels: ReturnType<typeof sessionChannelHub>
}

interface Tab {
  readonly client: AuthClient
  readonly navigator: RecordingNavigator
}

function tab(browser: Browser): Tab {
  const navigator = recordingNavigator(`${appOrigin}/`)
  const client = createAuthClient({
    provider: pace({ issuer: sandbox.paceIssuer }),
    clientId: sandbox.paceClientId,
    redirectUri,
    scope: ['openid'],
    navigator,
    store: browser.store,
    lock: browser.lock,
    channel: browser.channels.channel(),
    wakeEvents: () => () => {},
    now: () => time,
    fetch: (input, init) => {
      if (String(input).endsWith('/token')) tokenRequests++
      return fetch(input, init)
    },
  })
  return { client, navigator }
}

let databases = 0

/** K tabs of a new browser, signed in through the sandbox by the first. */
async function newBrowser(tabCount: number): Promise<AuthClient[]> {
  const databaseName = `payauth-bench-${++databases}`
  const browser: Browser = {
    store: idbTokenStore({ databaseName }),
    lock: leaseLock({ databaseName: `${databaseName}-locks`, pollMs: 5 }),
    channels: sessionChannelHub(),
  }
  const tabs = Array.from({ length: tabCount }, () => tab(browser))
  const [first] = tabs
  if (!first) throw new Error('no tab')
  await first.client.login()
  const authorizationUrl = first.navigator.assigned.at(-1) ?? ''
  await first.client.handleCallback(await browseAuthorization(authorizationUrl, { username: 'alice', redirectUri }))
  await Promise.all(tabs.map(({ client }) => client.start()))
  return tabs.map(({ client }) => client)
}

/** Token requests caused when every tab's callers ask at once for a token that has gone stale. */
async function requestsPerExpiry(tabCount: number, callersPerTab: number): Promise<number> {
  const tabs = await newBrowser(tabCount)
  time += 10 * 60_000
  tokenRequests = 0
  const tokens = await Promise.all(
    tabs.flatMap((client) => Array.from({ length: callersPerTab }, () => client.getAccessToken())),
  )
  if (new Set(tokens).size !== 1) throw new Error('callers got different tokens')
  for (const client of tabs) client.dispose()
  return tokenRequests
}

console.log('Token requests per expiry (goal: 1)')
for (const callers of [1, 10, 100, 1000]) {
  console.log(`  one tab, ${callers} concurrent callers: ${await requestsPerExpiry(1, callers)}`)
}
for (const tabCount of [2, 5, 10]) {
  console.log(`  ${tabCount} tabs x 20 concurrent callers: ${await requestsPerExpiry(tabCount, 20)}`)
}

const [cached] = await newBrowser(1)
if (!cached) throw new Error('no tab')
await cached.getAccessToken()
for (const label of ['warm-up', 'measured']) {
  let calls = 0
  const started = performance.now()
  while (performance.now() - started < 1_000) {
    for (let i = 0; i < 1_000; i++) await cached.getAccessToken()
    calls += 1_000
  }
  const perSecond = Math.round(calls / ((performance.now() - started) / 1000))
  if (label === 'measured')
    console.log(`getAccessToken() on a valid cached token: ${perSecond.toLocaleString('en')} calls/s`)
}
cached.dispose()
await sandbox.close()
