import type { AuthNavigator } from '../navigation/authNavigator.ts'
import { browserNavigator } from '../navigation/browserNavigator.ts'
import { openSignInPopup, relayToOpener } from './popupWindow.ts'

/**
 * The browser navigator, plus sign-in in a popup for `auth.loginWithPopup()`: the page stays, the
 * popup's callback page hands its response back (through a BroadcastChannel, so a
 * `Cross-Origin-Opener-Policy` that cuts `window.opener` does not lose it) and closes. Give the
 * same client to the callback route, which relays instead of completing when it runs in the popup.
 * @example createAuthClient({ ..., navigator: popupNavigator() }); await auth.loginWithPopup()
 */
export function popupNavigator(): AuthNavigator {
  return {
    ...browserNavigator(),
    authenticate: (signIn, { signal }) => openSignInPopup(signIn, signal),
    relayCallback: relayToOpener,
  }
}
