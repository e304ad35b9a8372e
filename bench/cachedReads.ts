// Cached token reads: how many times a second a page can ask its library for the token while the
// one it holds is valid — the cost every API call pays. Measured on long-lived tokens, so no
// renewal falls inside a measurement; the libraries take turns, three times each.
import type { Browser, Page } from '@playwright/test'
import { openApp, signedInAtSandbox, signInFrom } from './browser/signInTab.ts'
import { type PageName, pageOrigin } from './ports.ts'

export async function measureCachedReads(
  browser: Browser,
  pages: readonly PageName[],
  options: { readonly sandboxOrigin: string; readonly rounds: number },
): Promise<Map<PageName, number[]>> {
  const tabs = new Map<PageName, Page>()
  const contexts = []
  try {
    for (const page of pages) {
      const context = await signedInAtSandbox(await browser.newContext(), options.sandboxOrigin)
      contexts.push(context)
      const tab = await context.newPage()
      await openApp(tab, pageOrigin(page))
      await signInFrom(tab)
      await openApp(tab, pageOrigin(page))
      if (!(await tab.evaluate(() => window.bench?.restore()))) throw new Error(`${page}: no session after sign-in`)
      tabs.set(page, tab)
    }
    const samples = new Map(pages.map((page) => [page, [] as number[]]))
    for (let round = 0; round < options.rounds; round++) {
      for (const [name, tab] of tabs) {
        samples.get(name)?.push(await tab.evaluate(() => window.bench?.readsPerSecond(300, 1_000) ?? 0))
      }
    }
    return samples
  } finally {
    await Promise.all(contexts.map((context) => context.close()))
  }
}
