import { appRoot } from './appRoot.ts'
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
  return here && appRoot(here) === appOrigin ? `${here.pathname}${here.search}${here.hash}` : '/'
}
