import type { IncomingMessage } from 'node:http'

/** The request's media type without parameters, lower case: `application/json; charset=utf-8` → `application/json`. */
export function mediaTypeOf(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}
