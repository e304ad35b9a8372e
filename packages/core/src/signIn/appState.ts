import { authError } from '../errors.ts'

/** Enough for a route, a form draft id and some flags; it waits in the token store meanwhile. */
const maximumBytes = 4_096

/**
 * `appState` as it will come back: JSON only (what does not survive JSON is refused, not quietly
 * changed), 4 kB at most once serialized.
 */
export function checkedAppState(appState: unknown): unknown {
  if (appState === undefined) return undefined
  let json: string | undefined
  try {
    json = JSON.stringify(appState)
  } catch (error) {
    throw authError('invalid_config', 'appState must be JSON', error)
  }
  if (json === undefined) throw authError('invalid_config', 'appState must be JSON', { type: typeof appState })
  if (new TextEncoder().encode(json).length > maximumBytes) {
    throw authError('invalid_config', `appState must be at most ${maximumBytes} bytes as JSON`, {
      bytes: json.length,
    })
  }
  return JSON.parse(json)
}
