import type { AuthNavigator } from './authNavigator.ts'

/** Full-page redirects in the current window; the default in browsers. */
export function browserNavigator(): AuthNavigator {
  return {
    currentUrl: () => window.location.href,
    async assign(url) {
      window.location.assign(url)
    },
    replace(url) {
      window.history.replaceState(window.history.state, '', url)
    },
  }
}
