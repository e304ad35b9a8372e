/** What one tab tells the others. No tokens travel: each tab reads them from the token store. */
export type SessionMessage = {
  /** Always `sessionChanged`: the stored session changed (sign-in, refresh, logout); read it again. */
  readonly type: 'sessionChanged'
}

/** How tabs of one origin tell each other that the stored session changed. */
export interface SessionChannel {
  /** Sends `message` to the other tabs; this channel's own listeners do not receive it. */
  post(message: SessionMessage): void
  /** Calls `listener` for messages from other tabs; returns the unsubscribe function. */
  subscribe(listener: (message: SessionMessage) => void): () => void
}

/** A BroadcastChannel where there is one; elsewhere nothing is sent (tabs re-read on wake). */
export function broadcastSessionChannel(name: string): SessionChannel {
  if (typeof BroadcastChannel === 'undefined') return { post() {}, subscribe: () => () => {} }
  let channel: BroadcastChannel | undefined
  const listeners = new Set<(message: SessionMessage) => void>()
  const open = () => {
    if (!channel) {
      channel = new BroadcastChannel(name)
      channel.onmessage = (event: MessageEvent) => {
        if (isSessionMessage(event.data)) for (const listener of [...listeners]) listener(event.data)
      }
    }
    return channel
  }
  return {
    post: (message) => open().postMessage(message),
    subscribe(listener) {
      open()
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0) {
          channel?.close()
          channel = undefined
        }
      }
    },
  }
}

/** Exactly what payauth posts: anything else on the channel is another script's, or hostile. */
function isSessionMessage(value: unknown): value is SessionMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    (value as { type?: unknown }).type === 'sessionChanged'
  )
}
