import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { broadcastSessionChannel, type SessionMessage } from '../session/sessionChannel.ts'
import { crossTabCases } from './crossTabMessages.cases.ts'
import { expectOutcome, propertyBudget, rows } from './hostileCase.ts'
import { secrets } from './scriptedServer.ts'
import { signedInWorld, type World } from './signedInWorld.ts'

/**
 * The browser's BroadcastChannel, held so a test can deliver a message as another tab's would
 * arrive (structured-cloned) and know it has been handled, which a real channel never tells.
 */
class HeldChannel {
  static opened: HeldChannel[] = []
  onmessage: ((event: MessageEvent) => void) | null = null
  constructor(readonly name: string) {
    HeldChannel.opened.push(this)
  }
  postMessage(): void {}
  close(): void {}
  /** Delivers `message` as the browser would; false when no browser could send it. */
  deliver(message: unknown): boolean {
    let data: unknown
    try {
      data = structuredClone(message)
    } catch {
      return false
    }
    this.onmessage?.(new MessageEvent('message', { data }))
    return true
  }
}

let world: World | undefined
afterEach(() => {
  world?.dispose()
  world = undefined
  HeldChannel.opened = []
  vi.unstubAllGlobals()
})

/** Lets the tab finish what a message started (store reads are promises, not timers). */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('hostile cross-tab messages, to a tab whose session another tab ended', () => {
  it.each(rows(crossTabCases))('%s', async (_name, { input, expect: expected }) => {
    vi.stubGlobal('BroadcastChannel', HeldChannel)
    const current = await signedInWorld({ channel: broadcastSessionChannel('payauth:hostile') })
    world = current
    // Another tab signed out; its own message is not the one that arrives.
    await current.store.delete(current.names.sessionKey)
    const [channel] = HeldChannel.opened
    expect(channel?.deliver(input.message())).toBe(true)
    await settled()
    const snapshot = current.auth.getSnapshot()
    const shown = snapshot.status === 'loading' ? undefined : snapshot.error
    expectOutcome({ thrown: undefined, shown, sessionKept: snapshot.status === 'signedIn' }, expected, secrets)
  })
})

describe('property of the cross-tab message check', () => {
  it(
    'only { type: "sessionChanged" } reaches a listener; anything else is dropped without a throw',
    propertyBudget,
    () => {
      vi.stubGlobal('BroadcastChannel', HeldChannel)
      const channel = broadcastSessionChannel('payauth:property')
      const heard: SessionMessage[] = []
      channel.subscribe((message) => heard.push(message))
      const [held] = HeldChannel.opened
      const message = fc.oneof(
        fc.anything({ withNullPrototype: true, withDate: true, withMap: true, withSet: true, withBoxedValues: true }),
        fc.record({ type: fc.oneof(fc.constant('sessionChanged'), fc.anything()) }, { requiredKeys: [] }),
        fc.dictionary(fc.constantFrom('type', '__proto__', 'constructor', 'reason'), fc.constant('sessionChanged')),
      )
      fc.assert(
        fc.property(message, (sent) => {
          heard.length = 0
          if (!held?.deliver(sent)) return
          const clone = structuredClone(sent) as { type?: unknown }
          const exact =
            typeof clone === 'object' && clone !== null && !Array.isArray(clone) && Object.keys(clone).join() === 'type'
          expect(heard).toEqual(exact && clone.type === 'sessionChanged' ? [{ type: 'sessionChanged' }] : [])
        }),
        { numRuns: 3_000 },
      )
    },
  )
})
