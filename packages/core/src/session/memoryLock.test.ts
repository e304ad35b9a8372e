import { describe, expect, it } from 'vitest'
import { memoryLock } from './memoryLock.ts'

describe('memoryLock', () => {
  it('runs tasks of one name one after another, and keeps going after a failure', async () => {
    const lock = memoryLock()
    const events: string[] = []
    const task =
      (name: string, fail = false) =>
      async () => {
        events.push(`start ${name}`)
        await Promise.resolve()
        events.push(`end ${name}`)
        if (fail) throw new Error(name)
        return name
      }
    const results = await Promise.allSettled([
      lock.run('r', task('a', true)),
      lock.run('r', task('b')),
      lock.run('r', task('c')),
    ])
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c'])
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled', 'fulfilled'])
  })
})
