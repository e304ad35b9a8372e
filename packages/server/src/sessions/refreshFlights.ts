import type { BffSession } from './bffSession.ts'

/** What a set of refresh flights needs from its environment. */
export interface RefreshFlightsDeps {
  /** Current time, epoch milliseconds. */
  readonly now: () => number
  /**
   * How long a finished refresh is remembered, in milliseconds. Requests that left the browser
   * before its new cookie arrived still carry the old one; they get the refreshed session
   * instead of presenting a rotated refresh token a second time (which revokes the grant).
   */
  readonly rememberForMs: number
}

interface Flight<T> {
  /** The session version this refresh started from. */
  readonly from: number
  readonly result: Promise<T>
  settledAt?: number
}

/**
 * In-process single flight for refreshes, one per session: concurrent callers share one refresh,
 * and callers that hold the same or an older copy shortly after share its result too.
 */
export function refreshFlights<T>(deps: RefreshFlightsDeps) {
  const flights = new Map<string, Flight<T>>()

  function forget(): void {
    const now = deps.now()
    for (const [id, flight] of flights) {
      if (flight.settledAt !== undefined && now - flight.settledAt > deps.rememberForMs) flights.delete(id)
    }
  }

  return function share(session: BffSession, refresh: (session: BffSession) => Promise<T>): Promise<T> {
    forget()
    const current = flights.get(session.id)
    if (current && current.from >= session.version) return current.result
    const flight: Flight<T> = { from: session.version, result: refresh(session) }
    flights.set(session.id, flight)
    flight.result.then(
      () => {
        flight.settledAt = deps.now()
      },
      () => {
        // A failed refresh is shared by those who waited for it, but the next request may try again.
        if (flights.get(session.id) === flight) flights.delete(session.id)
      },
    )
    return flight.result
  }
}
