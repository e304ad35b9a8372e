import type { AuthLock } from '@payauth/core'
import { describe, expect, it } from 'vitest'

/** Long enough for a lock that does not exclude to let a waiting task in (a lease polls every 50 ms). */
const chanceToOverlapMs = 150

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function gate() {
  let open: () => void = () => {}
  const opened = new Promise<void>((resolve) => {
    open = resolve
  })
  return { open, opened }
}

/** What every `AuthLock` does: one holder per name at a time, released whatever the task does. */
export function lockContract(name: string, setup: () => AuthLock): void {
  describe(`${name}: the AuthLock contract`, () => {
    it('hands back the task’s result, and its failure', async () => {
      const lock = setup()
      expect(await lock.run('r', async () => 42)).toBe(42)
      await expect(lock.run('r', () => Promise.reject(new Error('task failed')))).rejects.toThrow('task failed')
    })

    it('runs tasks of one name one at a time, even after a failure', async () => {
      const lock = setup()
      const events: string[] = []
      const first = gate()
      const a = lock.run('r', async () => {
        events.push('a start')
        await first.opened
        events.push('a end')
        throw new Error('a failed')
      })
      const b = lock.run('r', async () => {
        events.push('b start')
        events.push('b end')
      })
      await pause(chanceToOverlapMs)
      expect(events).toEqual(['a start'])
      first.open()
      await Promise.allSettled([a, b])
      expect(events).toEqual(['a start', 'a end', 'b start', 'b end'])
    })

    it('does not make other names wait', async () => {
      const lock = setup()
      const held = gate()
      const holder = lock.run('refresh', () => held.opened)
      expect(await lock.run('callback', async () => 'ran')).toBe('ran')
      held.open()
      await holder
    })
  })
}
