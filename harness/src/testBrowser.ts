import { type AuthLock, memoryLock, memoryTokenStore, type SessionChannel, type TokenStore } from '@payauth/core'
import { sessionChannelHub } from '@payauth/core/testing'

/** What the tabs of one browser share; every tab's client of a test browser gets the same. */
export interface TestBrowser {
  readonly store: TokenStore
  readonly lock: AuthLock
  readonly channels: { channel(): SessionChannel }
  readonly now: () => number
}

/** A fresh browser: memory storage, an in-page lock and a channel hub, unless given others. */
export function testBrowser(overrides: Partial<TestBrowser> = {}): TestBrowser {
  return { store: memoryTokenStore(), lock: memoryLock(), channels: sessionChannelHub(), now: Date.now, ...overrides }
}
