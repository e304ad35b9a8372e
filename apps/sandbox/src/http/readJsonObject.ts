import type { IncomingMessage } from 'node:http'
import { readBody } from './readBody.ts'

/** Reads a JSON object body; undefined when the body is not a JSON object. */
export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = JSON.parse(await readBody(req))
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}
