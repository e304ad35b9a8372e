// The in-page half of the bench, the same for every library: only `LibraryUnderTest` differs.
import { type BenchApi, type BurstResult, callbackDoneMessage, type LibraryUnderTest } from './benchApi.ts'

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)))

async function burstAtExpiry(library: LibraryUnderTest, callers: number): Promise<BurstResult> {
  const expiresAt = await library.expiresAt()
  if (expiresAt !== undefined) await sleep(expiresAt - Date.now())
  const settled = await Promise.allSettled(Array.from({ length: callers }, () => library.accessToken()))
  const tokens: string[] = []
  const errors = new Set<string>()
  for (const outcome of settled) {
    if (outcome.status === 'fulfilled') tokens.push(outcome.value)
    else errors.add(String((outcome.reason as Error)?.message ?? outcome.reason))
  }
  return { tokens, errors: [...errors], failures: callers - tokens.length }
}

async function readsPerSecond(library: LibraryUnderTest, warmUpMs: number, measureMs: number): Promise<number> {
  const run = async (ms: number) => {
    let calls = 0
    let busyMs = 0
    while (busyMs < ms) {
      const started = performance.now()
      while (performance.now() - started < 50) {
        for (let i = 0; i < 1_000; i++) await library.accessToken()
        calls += 1_000
      }
      busyMs += performance.now() - started
      // A loop of settled promises never lets timers run, which no real page does; the pause
      // (clamped to a few ms by the browser) is not counted.
      await sleep(0)
    }
    return calls / (busyMs / 1_000)
  }
  await run(warmUpMs)
  return run(measureMs)
}

/** Offers the library to the runner as `window.bench`; on `/callback`, completes the sign-in and times it. */
export function installBench(library: LibraryUnderTest): void {
  const bench: BenchApi = {
    ...library,
    burstAtExpiry: (callers) => burstAtExpiry(library, callers),
    readsPerSecond: (warmUpMs, measureMs) => readsPerSecond(library, warmUpMs, measureMs),
  }
  window.bench = bench
  if (location.pathname !== '/callback') return
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
  const fetchStartMs = navigation?.fetchStart ?? 0
  library
    .completeCallback()
    .then(
      () => {
        window.benchCallback = { signedInMs: performance.now(), fetchStartMs }
      },
      (error: unknown) => {
        window.benchCallback = { signedInMs: performance.now(), fetchStartMs, error: String(error) }
      },
    )
    .then(() => console.debug(callbackDoneMessage))
}
