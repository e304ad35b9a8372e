import { AuthError } from '../errors.ts'
/** What JSON keeps as it is. */
export type JsonData = string | number | boolean | Record<string, unknown> | unknown[]

/**
 * `value` if it survives JSON unchanged, else a typed `storage_error`: a secure store keeps text,
 * and what JSON would quietly change (a `CryptoKey` becomes `{}`, a `Date` a string) is refused.
 * An `undefined` property is allowed: it is left out, which reads back the same.
 */
export function jsonValue(value: unknown): JsonData {
  const problem = value === null ? '$ is null' : jsonProblem(value, '$')
  if (problem !== undefined) {
    throw new AuthError('storage_error', `A secure store keeps JSON only: ${problem}`, {
      cause: { problem },
    })
  }
  return value as JsonData
}

function jsonProblem(value: unknown, path: string): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path} is not a finite number`
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const problem = item === undefined ? `${path}[${index}] is undefined` : jsonProblem(item, `${path}[${index}]`)
      if (problem) return problem
    }
    return undefined
  }
  if (typeof value === 'object' && isPlain(value)) {
    for (const [name, item] of Object.entries(value)) {
      const problem = item === undefined ? undefined : jsonProblem(item, `${path}.${name}`)
      if (problem) return problem
    }
    return undefined
  }
  const kind = typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value
  return `${path} is ${kind === 'undefined' ? 'undefined' : `a ${kind}`}`
}

function isPlain(value: object): boolean {
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}
