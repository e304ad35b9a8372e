import { AuthError } from '../errors.ts'
import type { AuthNavigator } from './authNavigator.ts'
import { browserNavigator } from './browserNavigator.ts'

/** The browser's window where there is one; elsewhere (SSR, Node) navigation is a clear error. */
export function defaultNavigator(): AuthNavigator {
  if (typeof window !== 'undefined' && typeof window.location !== 'undefined') return browserNavigator()
  const missing = () =>
    new AuthError('invalid_config', 'There is no browser window here: pass a navigator to createAuthClient', {
      cause: { runtime: 'no window' },
    })
  return {
    currentUrl() {
      throw missing()
    },
    async assign() {
      throw missing()
    },
    replace() {},
  }
}
