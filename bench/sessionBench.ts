// The session engine in Node: how many token requests N concurrent callers cause, in one tab and
// across K tabs, and how fast getAccessToken() answers from a valid cached token. The goal for the
// first two is 1. Tabs are clients in one process sharing what a browser's tabs share: IndexedDB
// (fake-indexeddb), the IndexedDB lease lock (Node has no Web Locks) and a broadcast channel.
// Time is simulated, so expiry costs nothing here; the Chromium herd (refreshHerd.ts) is the real one.
import 'fake-indexeddb/auto'
import { type AuthClient, idbTokenStore, leaseLock } from '@payauth/core'
import { sessionChannelHub } from '@payauth/core/testing'
import { signedIn, type TestBrowser, testClient } from '@payauth/harness'
import { type Sandbox, startSandbox } from '@payauth/sandbox'
import { median } from './stats.ts'

export interface SessionEngineFigures {
  /** Token requests per expiry: [label, requests]. */
  readonly requestsPerExpiry: readonly (readonly [string, number])[]
  /** getAccessToken() on a valid cached token, calls per second. */
  readonly cachedCallsPerSecond: number
}

export async function measureSessionEngine(progress: (line: string) => void): Promise<SessionEngineFigures> {
  const sandbox = await startSandbox({ port: 0, appOrigins: ['http://127.0.0.1:5173'], accessTokenTtl: 300 })
  try {
    const engine = simulatedBrowsers(sandbox)
    const requestsPerExpiry: [string, number][] = []
    for (const callers of [1, 10, 100, 1000]) {
      requestsPerExpiry.push([`one tab, ${callers} concurrent callers`, await engine.requestsPerExpiry(1, callers)])
    }
    for (const tabCount of [2, 5, 10]) {
      requestsPerExpiry.push([`${tabCount} tabs × 20 concurrent callers`, await engine.requestsPerExpiry(tabCount, 20)])
    }
    for (const [label, requests] of requestsPerExpiry) progress(`  ${label}: ${requests} token request(s) per expiry`)
    const cachedCallsPerSecond = await engine.cachedCallsPerSecond()
    progress(`  getAccessToken() on a valid cached token: ${cachedCallsPerSecond.toLocaleString('en')} calls/s`)
    return { requestsPerExpiry, cachedCallsPerSecond }
  } finally {
    await sandbox.close()
  }
}

function simulatedBrowsers(sandbox: Sandbox) {
  let time = Date.now()
  let databases = 0
  const allTabs: ReturnType<typeof testClient>[] = []
  const tokenRequests = () => allTabs.reduce((sum, tab) => sum + tab.tokenRequests(), 0)

  /** K tabs of a new browser, signed in through the sandbox by the first. */
  async function newBrowser(tabCount: number): Promise<AuthClient[]> {
    const databaseName = `payauth-bench-${++databases}`
    const browser: TestBrowser = {
      store: idbTokenStore({ databaseName }),
      lock: leaseLock({ databaseName: `${databaseName}-locks`, pollMs: 5 }),
      channels: sessionChannelHub(),
      now: () => time,
    }
    const tabs = Array.from({ length: tabCount }, () => testClient(sandbox, { browser, scope: ['openid'], at: '/' }))
    allTabs.push(...tabs)
    const [first] = tabs
    if (!first) throw new Error('no tab')
    await signedIn(first)
    await Promise.all(tabs.map(({ client }) => client.start()))
    return tabs.map(({ client }) => client)
  }

  return {
    /** Token requests caused when every tab's callers ask at once for a token that has gone stale. */
    async requestsPerExpiry(tabCount: number, callersPerTab: number): Promise<number> {
      const tabs = await newBrowser(tabCount)
      time += 10 * 60_000
      const before = tokenRequests()
      const tokens = await Promise.all(
        tabs.flatMap((client) => Array.from({ length: callersPerTab }, () => client.getAccessToken())),
      )
      if (new Set(tokens).size !== 1) throw new Error('callers got different tokens')
      for (const client of tabs) client.dispose()
      return tokenRequests() - before
    },

    /** A warm-up second, then the median of three measured ones (a loaded machine swings a lot). */
    async cachedCallsPerSecond(): Promise<number> {
      const [cached] = await newBrowser(1)
      if (!cached) throw new Error('no tab')
      await cached.getAccessToken()
      const seconds: number[] = []
      for (let second = 0; second < 4; second++) {
        let calls = 0
        const started = performance.now()
        while (performance.now() - started < 1_000) {
          for (let i = 0; i < 1_000; i++) await cached.getAccessToken()
          calls += 1_000
        }
        if (second > 0) seconds.push(Math.round(calls / ((performance.now() - started) / 1000)))
      }
      const perSecond = median(seconds)
      cached.dispose()
      return perSecond
    },
  }
}
