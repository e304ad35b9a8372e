import type { IncomingMessage, ServerResponse } from 'node:http'
import { ServerAuthError, ServerErrorCode } from '../errors.ts'
import { errorResponse } from './jsonResponse.ts'

/** What the Node adapter needs of a BFF: a {@link Bff} fits as it is. */
export interface NodeHandlerTarget {
  /** The web-standard handler each Node request is turned into a `Request` for. */
  readonly handle: (request: Request) => Promise<Response>
  /** The origin request URLs are built on (never the Host header), e.g. `https://app.example.com`. */
  readonly origin: string
  /** The path the handler serves below, without a trailing slash; with `next`, other paths go on to it. */
  readonly basePath: string
}

/** Limits of the Node adapter. */
export interface NodeHandlerOptions {
  /** Largest request body read, in bytes (default 1 MiB); larger ones are refused with `invalid_request`. */
  readonly maxBodyBytes?: number
}

/** A Node `http` request listener; with `next` (Express, Connect), paths outside the BFF go on to it. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void

/**
 * Serves a BFF from Node's `http` server, Express or Connect. The request URL is built on the
 * BFF's configured origin, never on the Host header, so a forged Host cannot change what the BFF
 * believes its own address is. Express's `req.originalUrl` is used when mounted below a path.
 * Without `next` (plain `http.createServer`), every request goes to the BFF, which answers 404
 * outside `basePath`. The body of other than GET and HEAD is read in full (up to `maxBodyBytes`),
 * so no body parser may consume it first.
 *
 * @example
 * ```ts
 * createServer(toNodeHandler(bff)).listen(3000) // node:http
 * app.use(toNodeHandler(bff)) // Express or Connect: other paths go on to next()
 * app.use('/bff', toNodeHandler(bff, { maxBodyBytes: 64 * 1024 }))
 * ```
 */
export function toNodeHandler(bff: NodeHandlerTarget, options: NodeHandlerOptions = {}): NodeHandler {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024
  return (req, res, next) => {
    const path = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/'
    const pathname = path.split('?')[0] ?? '/'
    if (next && pathname !== bff.basePath && !pathname.startsWith(`${bff.basePath}/`)) {
      next()
      return
    }
    toRequest(req, new URL(path, bff.origin), maxBodyBytes)
      .then((request) => bff.handle(request))
      .catch((error: unknown) =>
        errorResponse(
          error instanceof ServerAuthError
            ? error
            : new ServerAuthError(ServerErrorCode.ServerError, 'The request could not be read', {
                cause: { name: error instanceof Error ? error.name : typeof error },
              }),
        ),
      )
      .then((response) => send(response, res))
      .catch(() => res.destroy())
  }
}

async function toRequest(req: IncomingMessage, url: URL, maxBodyBytes: number): Promise<Request> {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  const method = req.method ?? 'GET'
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers })
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > maxBodyBytes) {
      throw new ServerAuthError(ServerErrorCode.InvalidRequest, `The request body exceeds ${maxBodyBytes} bytes`, {
        cause: { maxBodyBytes },
      })
    }
    chunks.push(chunk as Buffer)
  }
  return new Request(url, { method, headers, body: Buffer.concat(chunks) })
}

async function send(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') res.setHeader(name, value)
  }
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) res.setHeader('set-cookie', cookies)
  if (response.body) {
    for await (const chunk of response.body) res.write(chunk)
  }
  res.end()
}
