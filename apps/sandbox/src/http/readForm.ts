import type { IncomingMessage } from 'node:http'
import { readBody } from './readBody.ts'

/** Reads an `application/x-www-form-urlencoded` body; larger bodies are refused. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams(await readBody(req))
}
