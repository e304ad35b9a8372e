import { expect } from 'vitest'
import { AuthError, AuthErrorCode } from '../errors.ts'

/** What a hostile input must lead to: its typed error (or none), and whether the session survives it. */
export interface Expectation {
  readonly code: AuthErrorCode | 'ok'
  /** Still signed in, with the session stored, after the input; false when it was ended. */
  readonly sessionKept: boolean
}

/** One row of the catalogue. */
export interface HostileCase<Input> {
  readonly name: string
  readonly input: Input
  readonly expect: Expectation
}

export const kept = (code: AuthErrorCode | 'ok'): Expectation => ({ code, sessionKept: true })
export const ended = (code: AuthErrorCode | 'ok'): Expectation => ({ code, sessionKept: false })

/** What a hostile input did to a client that was signed in before it arrived. */
export interface Outcome {
  /** What the command rejected with, if it did. */
  readonly thrown: unknown
  /** The error the snapshot shows afterwards. */
  readonly shown: unknown
  /** The challenge the snapshot shows afterwards, which repeats what a server said. */
  readonly challenge?: unknown
  readonly sessionKept: boolean
}

/**
 * Asserts the row's code and session, that whatever was thrown is a typed `AuthError` (the one
 * shown, or `login_required` because of it), and that no secret is anywhere in either error or
 * in the challenge shown.
 */
export function expectOutcome(outcome: Outcome, expected: Expectation, secrets: Iterable<string>): void {
  const { thrown, shown } = outcome
  if (thrown !== undefined) expect(thrown).toBeInstanceOf(AuthError)
  if (shown !== undefined) expect(shown).toBeInstanceOf(AuthError)
  if (thrown !== undefined && shown !== undefined && thrown !== shown) {
    // The session ended while the call waited: the caller hears "sign in", the snapshot says why.
    expect(thrown).toMatchObject({ code: AuthErrorCode.LoginRequired, cause: shown })
  }
  const code = ((shown ?? thrown) as AuthError | undefined)?.code ?? 'ok'
  expect({ code, sessionKept: outcome.sessionKept }).toEqual(expected)
  expect(leaks(thrown, secrets)).toEqual([])
  expect(leaks(shown, secrets)).toEqual([])
  expect(leaks(outcome.challenge, secrets)).toEqual([])
}

/** The secrets that occur anywhere in `value`. */
export function leaks(value: unknown, secrets: Iterable<string>): string[] {
  if (value === undefined) return []
  const text = everything(value).join('\n')
  return [...new Set(secrets)].filter((secret) => secret !== '' && text.includes(secret))
}

/**
 * Every string reachable from `value`: own properties (enumerable or not, symbol-keyed too),
 * messages, stacks and causes, URL and header contents, and its JSON.
 */
export function everything(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') return [value]
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return [String(value)]
  if (seen.has(value)) return []
  seen.add(value)
  if (ArrayBuffer.isView(value)) return [new TextDecoder().decode(value)]
  const parts: string[] = []
  if (value instanceof Error) parts.push(value.message, value.stack ?? '')
  if (value instanceof URL || value instanceof URLSearchParams) parts.push(value.toString())
  if (value instanceof Response || value instanceof Request) parts.push(value.url, ...everything(value.headers, seen))
  if (value instanceof Headers || value instanceof Map || value instanceof URLSearchParams || value instanceof Set) {
    for (const entry of value.entries()) parts.push(...everything(entry, seen))
  }
  for (const key of Reflect.ownKeys(value)) {
    parts.push(String(key))
    let property: unknown
    try {
      property = Reflect.get(value, key)
    } catch {
      continue
    }
    parts.push(...everything(property, seen))
  }
  try {
    parts.push(JSON.stringify(value) ?? '')
  } catch {
    // Cyclic or BigInt: the walk above has read it all.
  }
  return parts
}

/** What `run` rejects with, or undefined when it resolves. */
export async function rejectionOf(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(
    () => undefined,
    (reason: unknown) => reason ?? new Error('rejected with nothing'),
  )
}

/** Rows for `it.each(...)('%s', ...)`: each case named by its `name`. */
export function rows<Input>(cases: readonly HostileCase<Input>[]): [string, HostileCase<Input>][] {
  return cases.map((row) => [row.name, row])
}

/** Thousands of runs take seconds, and longer on a loaded machine: a ceiling, not a timing claim. */
export const propertyBudget = { timeout: 120_000 }
