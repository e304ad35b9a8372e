import { ended, type HostileCase, kept } from './hostileCase.ts'
import { secret } from './scriptedServer.ts'

/**
 * What arrives on the session's BroadcastChannel after another tab signed out (the store is
 * empty): only `{ type: 'sessionChanged' }` may make this tab look; anything else is ignored, so
 * this tab stays signed in until a real message or a wake-up.
 */
export interface CrossTabInput {
  readonly message: () => unknown
}

const ignored = (name: string, message: () => unknown): HostileCase<CrossTabInput> => ({
  name,
  input: { message },
  expect: kept('ok'),
})

const nullPrototype = () => Object.assign(Object.create(null) as object, { type: 'sessionChanged' })

export const crossTabCases: readonly HostileCase<CrossTabInput>[] = [
  { name: 'the message tabs send', input: { message: () => ({ type: 'sessionChanged' }) }, expect: ended('ok') },
  // Structured cloning gives every tab a plain object: the prototype never arrives.
  { name: 'the message on a null-prototype object', input: { message: nullPrototype }, expect: ended('ok') },
  ignored('the message with extra fields', () => ({ type: 'sessionChanged', reason: 'logout' })),
  ignored('the message carrying a token', () => ({ type: 'sessionChanged', accessToken: secret('AT') })),
  ignored('another type', () => ({ type: 'logout' })),
  ignored('the type in another case', () => ({ type: 'SessionChanged' })),
  ignored('the type with a NUL after it', () => ({ type: 'sessionChanged\u0000' })),
  ignored('the type in a list', () => ({ type: ['sessionChanged'] })),
  ignored('the type boxed', () => ({ type: Object('sessionChanged') })),
  ignored('the type under a __proto__ member', () => JSON.parse('{"__proto__":{"type":"sessionChanged"}}')),
  ignored('a list carrying the type', () => Object.assign([], { type: 'sessionChanged' })),
  ignored('a Map carrying the type', () => new Map([['type', 'sessionChanged']])),
  ignored('the bare string', () => 'sessionChanged'),
  ignored('a 1 MB string', () => 's'.repeat(1_000_000)),
  ignored('null', () => null),
  ignored('undefined', () => undefined),
  ignored('a number', () => 42),
  ignored('an empty list', () => []),
  ignored('an empty object', () => ({})),
  ignored('a Date', () => new Date()),
  ignored('an Error', () => new Error('sessionChanged')),
  ignored('an ArrayBuffer', () => new TextEncoder().encode('{"type":"sessionChanged"}').buffer),
]
