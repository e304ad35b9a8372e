import { authError } from '../errors.ts'

/** The channel a popup's callback page relays its URL on, and the opener listens to. */
const relayChannel = 'payauth:popup'
/** A popup reported closed this soon had its opener link cut (COOP), not closed by the user. */
const severedWithinMs = 1_500
/**
 * How long a closed popup's callback may still take to arrive. A callback page whose COOP header
 * cut the opener link looks closed from the moment it starts loading, and relays only once the
 * app has booted in it: seconds, on a slow phone or a busy machine (1 s lost sign-ins).
 */
const closedGraceMs = 3_000
/** As long as a sign-in may take. */
const timeoutMs = 10 * 60_000

interface Relay {
  readonly type: 'payauthCallback'
  readonly state: string
  readonly url: string
}

function isRelay(value: unknown, state: string): value is Relay {
  const relay = value as Partial<Relay> | null
  return relay?.type === 'payauthCallback' && relay.state === state && typeof relay.url === 'string'
}

/**
 * Signs in in a popup and resolves with the URL its callback page relays back. The relay comes
 * through a BroadcastChannel (or `postMessage` to the opener), so it arrives even when the
 * authorization server's `Cross-Origin-Opener-Policy` cut the popup's `window.opener` link.
 */
export async function openSignInPopup(
  signIn: Promise<{ readonly url: string; readonly state: string }>,
  signal?: AbortSignal,
): Promise<string> {
  const cancelled = () => authError('aborted', 'The sign-in in a popup was cancelled', { popup: 'cancelled' })
  if (signal?.aborted) throw cancelled()
  // Opened before anything is awaited: later, the user's click no longer allows a popup.
  const popup = window.open('about:blank', 'payauth-signin', 'popup,width=480,height=720')
  if (!popup) throw authError('popup_blocked', 'The browser blocked the sign-in popup', { popup: 'blocked' })
  let prepared: { readonly url: string; readonly state: string }
  try {
    prepared = await signIn
    if (signal?.aborted) throw cancelled()
  } catch (error) {
    popup.close()
    throw error
  }
  const { url, state } = prepared
  popup.location.href = url
  return new Promise((resolve, reject) => {
    const opened = Date.now()
    let closedAt: number | undefined
    let severed = false
    const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(relayChannel)
    const receive = (data: unknown) => {
      if (!isRelay(data, state)) return
      finish()
      resolve(data.url)
    }
    const onChannel = (event: MessageEvent) => receive(event.data)
    const onWindow = (event: MessageEvent) => {
      if (event.origin === window.location.origin) receive(event.data)
    }
    channel?.addEventListener('message', onChannel)
    window.addEventListener('message', onWindow)
    const watch = setInterval(() => {
      if (!popup.closed || severed) return
      closedAt ??= Date.now()
      if (closedAt - opened < severedWithinMs) severed = true
      else if (Date.now() - closedAt > closedGraceMs) fail('The sign-in popup was closed')
    }, 250)
    const timeout = setTimeout(() => fail('The sign-in popup took too long'), timeoutMs)
    const onAbort = () => {
      finish()
      reject(cancelled())
    }
    signal?.addEventListener('abort', onAbort)
    function fail(message: string) {
      finish()
      reject(authError('popup_closed', message, { state }))
    }
    function finish() {
      clearInterval(watch)
      clearTimeout(timeout)
      channel?.close()
      window.removeEventListener('message', onWindow)
      signal?.removeEventListener('abort', onAbort)
      popup?.close()
    }
  })
}

/** In the popup: hands the callback to the window that opened it, then closes this one. */
export function relayToOpener(url: string, state: string): boolean {
  const relay: Relay = { type: 'payauthCallback', state, url }
  let sent = false
  if (typeof BroadcastChannel !== 'undefined') {
    const channel = new BroadcastChannel(relayChannel)
    channel.postMessage(relay)
    channel.close()
    sent = true
  }
  const opener = window.opener as Window | null
  if (opener) {
    opener.postMessage(relay, window.location.origin)
    sent = true
  }
  if (sent) window.close()
  return sent
}
