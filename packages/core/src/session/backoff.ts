const firstDelayMs = 1_000
const maximumDelayMs = 60_000

/**
 * Delay before retry number `attempt` (1-based): exponential from one second up to a minute,
 * with "equal jitter" (half fixed, half random) so that many clients that failed together do not retry together.
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maximumDelayMs, firstDelayMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}
