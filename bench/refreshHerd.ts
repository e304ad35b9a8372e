// The multi-tab refresh herd in Chromium: K tabs of one browser share a session; at each of E
// expiries, N callers in every tab ask for a token at the moment the token their tab last saw
// expires, while each library's own renewal timers run as they would. The sandbox rotates refresh
// tokens and revokes the whole grant when one is presented twice, as Keycloak and oidc-provider
// can be set to do. What counts is what the server saw and what the callers got.
import type { Browser, Page } from '@playwright/test'
import type { BurstResult } from './browser/benchApi.ts'
import { openApp, signedInAtSandbox, signInFrom } from './browser/signInTab.ts'
import { type PageName, pageOrigin } from './ports.ts'
import { isActive, type TokenRequestLog, tokenRequestLog } from './servers/sandboxRecords.ts'

export interface HerdShape {
  readonly tabs: number
  readonly callers: number
  readonly expiries: number
}

export interface HerdResult {
  /** Authorization-code sign-ins needed to have every tab signed in. */
  readonly signIns: number
  /** Refresh-token requests the server received over the E expiries. */
  readonly refreshRequests: number
  /** Of those, refused by the server (reused, or on a revoked grant). */
  readonly rejectedRefreshes: number
  /** Refresh tokens presented a second time: each one revokes the grant. */
  readonly reusedRefreshTokens: number
  /** Callers (of K × N × E) that got no token, or one the server no longer accepts. */
  readonly callersWithoutValidToken: number
  /** Tabs (of K) that cannot get a token the server accepts at the end. */
  readonly tabsSignedOut: number
  /** Distinct errors the callers saw. */
  readonly errors: readonly string[]
}

const grants = (log: TokenRequestLog, grantType: string) => log.byGrantType[grantType] ?? 0

export async function measureRefreshHerd(
  browser: Browser,
  page: PageName,
  shape: HerdShape,
  sandboxOrigin: string,
): Promise<HerdResult> {
  const origin = pageOrigin(page)
  const atStart = await tokenRequestLog(sandboxOrigin)
  const context = await signedInAtSandbox(await browser.newContext(), sandboxOrigin)
  try {
    const tabs: Page[] = []
    for (let i = 0; i < shape.tabs; i++) {
      const tab = await context.newPage()
      await openApp(tab, origin)
      // A tab without a session (the first one, or any tab of a per-tab store) signs in first.
      if (!(await tab.evaluate(() => window.bench?.restore()))) {
        await signInFrom(tab)
        await openApp(tab, origin)
        if (!(await tab.evaluate(() => window.bench?.restore()))) throw new Error(`${page}: no session after sign-in`)
      }
      tabs.push(tab)
    }

    const before = await tokenRequestLog(sandboxOrigin)
    let callersWithoutValidToken = 0
    const errors = new Set<string>()
    for (let expiry = 0; expiry < shape.expiries; expiry++) {
      const bursts = await Promise.all(
        tabs.map((tab) =>
          tab
            .evaluate((callers) => window.bench?.burstAtExpiry(callers), shape.callers)
            .then((burst) => {
              if (!burst) throw new Error(`${page}: the page lost its bench API`)
              return burst
            }),
        ),
      )
      callersWithoutValidToken += await callersLeftWithout(bursts, sandboxOrigin)
      for (const burst of bursts) for (const error of burst.errors) errors.add(error)
    }
    const finalTokens = await Promise.all(
      tabs.map((tab) => tab.evaluate(() => window.bench?.accessToken()).catch(() => undefined)),
    )
    const tabsSignedOut = (
      await Promise.all(finalTokens.map((token) => (token ? isActive(sandboxOrigin, token) : false)))
    ).filter((active) => !active).length
    const after = await tokenRequestLog(sandboxOrigin)
    const refreshes = after.refreshes.slice(before.refreshes.length)
    return {
      signIns: grants(before, 'authorization_code') - grants(atStart, 'authorization_code'),
      refreshRequests: refreshes.length,
      rejectedRefreshes: refreshes.filter((record) => !record.succeeded).length,
      reusedRefreshTokens: refreshes.filter((record) => record.reusedRefreshToken).length,
      callersWithoutValidToken,
      tabsSignedOut,
      errors: [...errors],
    }
  } finally {
    await context.close()
  }
}

/** Callers that got nothing, or a token the server refuses (its grant revoked by a reuse). */
async function callersLeftWithout(bursts: readonly BurstResult[], sandboxOrigin: string): Promise<number> {
  const tokens = bursts.flatMap((burst) => burst.tokens)
  const active = new Map<string, boolean>()
  for (const token of new Set(tokens)) active.set(token, await isActive(sandboxOrigin, token))
  return bursts.reduce((sum, burst) => sum + burst.failures, 0) + tokens.filter((token) => !active.get(token)).length
}
