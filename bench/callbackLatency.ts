// Callback latency: from the moment the browser starts fetching the callback page (after the
// authorization server's redirects) until the library says signed in. It covers loading and
// running the page's bundle, discovery, checking the response, the code exchange and storing
// the session. Each sample is a new browser context (no session, no discovery cache), and the
// libraries take turns (A/B/C, B/C/A, C/A/B, ...) so neither a slow spell of a loaded machine nor
// the teardown of the previous sample's context favours one of them.
import type { Browser } from '@playwright/test'
import { openApp, signedInAtSandbox, signInFrom } from './browser/signInTab.ts'
import { type PageName, pageOrigin } from './ports.ts'
import { sleep } from './stats.ts'

const settleMs = 100

export interface LatencySamples {
  /** Callback page fetch → signed in, in ms. */
  readonly callbackMs: number[]
}

export async function measureCallbackLatency(
  browser: Browser,
  pages: readonly PageName[],
  options: {
    readonly sandboxOrigin: string
    readonly warmUpRounds: number
    readonly rounds: number
    readonly progress: (line: string) => void
  },
): Promise<Map<PageName, LatencySamples>> {
  const samples = new Map(pages.map((page) => [page, { callbackMs: [] as number[] }]))
  for (let round = 0; round < options.warmUpRounds + options.rounds; round++) {
    // Each round starts with the next page, so every page takes every position equally often.
    const order = pages.map((_, index) => pages[(index + round) % pages.length] as PageName)
    for (const page of order) {
      // The previous context's teardown keeps the browser busy for a moment.
      await sleep(settleMs)
      const context = await signedInAtSandbox(await browser.newContext(), options.sandboxOrigin)
      try {
        const tab = await context.newPage()
        await openApp(tab, pageOrigin(page))
        const timing = await signInFrom(tab)
        if (round >= options.warmUpRounds) samples.get(page)?.callbackMs.push(timing.signedInMs - timing.fetchStartMs)
      } finally {
        await context.close()
      }
    }
    const measured = round - options.warmUpRounds + 1
    if (measured > 0 && measured % 5 === 0) options.progress(`  callback latency: ${measured}/${options.rounds} rounds`)
  }
  return samples
}
