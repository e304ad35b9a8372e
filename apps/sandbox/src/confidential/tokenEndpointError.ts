import type { ServerResponse } from 'node:http'
import { sendJson } from '../http/sendJson.ts'

/** An OAuth error answer of a stand-in's token endpoint (RFC 6749 §5.2), with its HTTP status. */
export class TokenEndpointError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status = 400,
    readonly headers: Record<string, string> = {},
  ) {
    super(description)
  }
}

export function sendTokenEndpointError(res: ServerResponse, error: TokenEndpointError): void {
  sendJson(res, error.status, { error: error.error, error_description: error.description }, error.headers)
}
