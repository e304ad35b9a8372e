import type { IncomingMessage } from 'node:http'

/** The token of an `Authorization: Bearer …` header, if there is one. */
export function bearerToken(req: IncomingMessage): string | undefined {
  return /^Bearer ([\w\-.~+/]+=*)$/i.exec(req.headers.authorization ?? '')?.[1]
}
