import type { Sandbox } from '@payauth/sandbox'

/** Where each stand-in provider lives in the sandbox: the shape `startSandbox()` reports. */
export type SandboxEndpoints = Pick<
  Sandbox,
  'origin' | 'paceIssuer' | 'oauth20BaseUrl' | 'paysafeBaseUrl' | 'picpayBaseUrl' | 'getpaidBaseUrl'
>

/** The endpoints of a sandbox running in another process (`pnpm sandbox`), from its origin. */
export function sandboxEndpoints(origin: string): SandboxEndpoints {
  return {
    origin,
    paceIssuer: `${origin}/auth/realms/pace`,
    oauth20BaseUrl: origin,
    paysafeBaseUrl: `${origin}/paysafe/digitalwallets/v1`,
    picpayBaseUrl: `${origin}/picpay`,
    getpaidBaseUrl: `${origin}/getpaid`,
  }
}
