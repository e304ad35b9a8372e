import { autoLoginCookie } from '@payauth/sandbox/autoLoginCookie'
import { type BrowserContext, type Locator, type Page, test } from '@playwright/test'
import { sandboxOrigin } from '../playwright.config.ts'

/** Skips the sandbox's login form for tests that are not about it. */
export async function useAutoLogin(context: BrowserContext, username = 'alice'): Promise<void> {
  await context.addCookies([{ name: autoLoginCookie, value: username, url: sandboxOrigin }])
}

/** Taps on touch devices (the mobile project), clicks elsewhere. */
export async function press(target: Locator): Promise<void> {
  if (test.info().project.use.hasTouch) await target.tap()
  else await target.click()
}

/** Keys in payauth's IndexedDB database, read in the page as any script of the origin could. */
export function indexedDbKeys(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('payauth')
        open.onerror = () => reject(open.error)
        open.onupgradeneeded = () => open.result.createObjectStore('tokens')
        open.onsuccess = () => {
          const request = open.result.transaction('tokens').objectStore('tokens').getAllKeys()
          request.onsuccess = () => {
            resolve(request.result.map(String))
            open.result.close()
          }
          request.onerror = () => reject(request.error)
        }
      }),
  )
}

/** Everything in localStorage and sessionStorage, which must never hold tokens or sign-in state. */
export function webStorageContents(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))
}

/** Fills the sandbox's real login form. */
export async function signInWithForm(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password').fill(password)
  await press(page.getByRole('button', { name: 'Sign in' }))
}
