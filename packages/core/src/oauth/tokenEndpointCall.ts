import { throwIfServerError } from './serverError.ts'
import { withDpopNonceRetry } from './withDpopNonceRetry.ts'

/**
 * One token-endpoint exchange: the request, an outage told apart from an OAuth answer, the
 * response processed by oauth4webapi, and one retry when a DPoP nonce is asked for.
 */
export function tokenEndpointCall<T>(
  request: () => Promise<Response>,
  processResponse: (response: Response) => Promise<T>,
): Promise<T> {
  return withDpopNonceRetry(async () => {
    const response = await request()
    throwIfServerError(response)
    return processResponse(response)
  })
}
