import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { leaseLock } from './leaseLock.ts'

describe('leaseLock', () => {
  it('lets one holder at a time run, across separate lock instances (tabs)', async () => {
    const tabs = [leaseLock({ pollMs: 1 }), leaseLock({ pollMs: 1 }), leaseLock({ pollMs: 1 })]
    let holders = 0
    let mostAtOnce = 0
    const order: number[] = []
    await Promise.all(
      tabs.flatMap((lock, tab) =>
        [0, 1].map(() =>
          lock.run('refresh', async () => {
            holders++
            mostAtOnce = Math.max(mostAtOnce, holders)
            await new Promise((resolve) => setTimeout(resolve, 5))
            order.push(tab)
            holders--
          }),
        ),
      ),
    )
    expect(mostAtOnce).toBe(1)
    expect(order).toHaveLength(6)
  })

  it('takes over the lease of a holder that died', async () => {
    let time = 0
    const crashed = leaseLock({ databaseName: 'payauth-locks-crash', leaseMs: 1_000, pollMs: 1, now: () => time })
    const survivor = leaseLock({ databaseName: 'payauth-locks-crash', leaseMs: 1_000, pollMs: 1, now: () => time })
    // The first holder never returns, as a closed tab never releases.
    void crashed.run('refresh', () => new Promise(() => {}))
    await new Promise((resolve) => setTimeout(resolve, 10))
    let ran = false
    const waiting = survivor.run('refresh', async () => {
      ran = true
    })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(ran).toBe(false)
    time = 1_001
    await waiting
    expect(ran).toBe(true)
  })

  it('keeps the lease of a live holder whose task outlasts it', async () => {
    const options = { databaseName: 'payauth-locks-long', leaseMs: 60, pollMs: 5 }
    const slow = leaseLock(options)
    const waiter = leaseLock(options)
    const events: string[] = []
    const first = slow.run('refresh', async () => {
      events.push('slow start')
      await new Promise((resolve) => setTimeout(resolve, 300))
      events.push('slow end')
    })
    await new Promise((resolve) => setTimeout(resolve, 20))
    const second = waiter.run('refresh', async () => {
      events.push('waiter')
    })
    await Promise.all([first, second])
    expect(events).toEqual(['slow start', 'slow end', 'waiter'])
  })

  it('releases the lock when the task fails', async () => {
    const lock = leaseLock({ pollMs: 1, databaseName: 'payauth-locks-fail' })
    await expect(lock.run('refresh', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    await expect(lock.run('refresh', async () => 'next')).resolves.toBe('next')
  })
})
