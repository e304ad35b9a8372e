import { describe, expect, it, vi } from 'vitest'
import type { WakeFixture } from './adapterFixtures.ts'

/** What every `WakeEvents` does: call back when the app comes back, and stop when told. */
export function wakeEventsContract(name: string, setup: () => WakeFixture): void {
  describe(`${name}: the WakeEvents contract`, () => {
    it('wakes the session when the app comes back to the foreground, not when it leaves', async () => {
      const platform = setup()
      const onWake = vi.fn()
      const unsubscribe = platform.wakeEvents(onWake)
      await Promise.resolve()
      platform.background()
      expect(onWake).not.toHaveBeenCalled()
      platform.foreground()
      expect(onWake).toHaveBeenCalled()
      unsubscribe()
    })

    it('stops after unsubscribing', async () => {
      const platform = setup()
      const onWake = vi.fn()
      platform.wakeEvents(onWake)()
      await Promise.resolve()
      platform.foreground()
      expect(onWake).not.toHaveBeenCalled()
    })
  })
}
