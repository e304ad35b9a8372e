import { autoLoginCookie } from '@payauth/sandbox/autoLoginCookie'
import type { BrowserContext, Page } from '@playwright/test'
import { type CallbackTiming, callbackDoneMessage } from './benchApi.ts'

/** A context whose sign-ins skip the sandbox's login form (the user is already signed in there). */
export async function signedInAtSandbox(context: BrowserContext, sandboxOrigin: string): Promise<BrowserContext> {
  await context.addCookies([{ name: autoLoginCookie, value: 'alice', url: sandboxOrigin }])
  return context
}

/** Opens the app's page in `tab` and waits for its library to be ready. */
export async function openApp(tab: Page, origin: string): Promise<void> {
  await tab.goto(`${origin}/`)
  await tab.waitForFunction(() => window.bench !== undefined)
}

/**
 * Signs in through the redirect flow from the app page open in `tab`, and returns the callback
 * page's timing once its library says signed in.
 */
export async function signInFrom(tab: Page): Promise<CallbackTiming> {
  // Nothing of the runner's may run in the callback page before it is done: `waitForFunction` there
  // would evaluate Playwright's injected script (about 10 ms of the page's main thread) in the middle
  // of the timed sign-in, and more often within a slower library's time than a faster one's.
  const done = tab.waitForEvent('console', {
    predicate: (message) => message.text() === callbackDoneMessage,
    timeout: 30_000,
  })
  // Not awaited in the page: the sign-in navigates away from it.
  await tab.evaluate(() => {
    void window.bench?.login()
  })
  await done
  const timing = await tab.evaluate(() => window.benchCallback as CallbackTiming)
  if (timing.error) throw new Error(`The sign-in failed on the callback page: ${timing.error}`)
  return timing
}
