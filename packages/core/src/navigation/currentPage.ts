import type { AuthNavigator } from './authNavigator.ts'
import { parseUrl } from './parseUrl.ts'

/** The page's URL, or undefined where there is none (SSR, a navigator without one). */
export function currentUrl(navigator: AuthNavigator): string | undefined {
  try {
    return navigator.currentUrl()
  } catch {
    return undefined
  }
}

/** The current page as an app path, or `/` when the page is not on the app's origin. */
export function currentAppPath(navigator: AuthNavigator, appOrigin: string): string {
  const here = parseUrl(navigator.currentUrl())
  return here?.origin === appOrigin ? here.href.slice(appOrigin.length) : '/'
}
