import { defaultAppOrigins, startSandbox } from './startSandbox.ts'

// Configured by environment so `pnpm demo` and Playwright's webServer can each pick their own.
const port = Number(process.env.SANDBOX_PORT ?? 9400)
const accessTokenTtl = Number(process.env.SANDBOX_ACCESS_TOKEN_TTL ?? 300)
const intentTtl = Number(process.env.SANDBOX_INTENT_TTL ?? 600)
const scaWindow = Number(process.env.SANDBOX_SCA_WINDOW ?? 900)
const scaResendCooldown = Number(process.env.SANDBOX_SCA_RESEND_COOLDOWN ?? 30)
const appOrigins = process.env.SANDBOX_APP_ORIGINS?.split(',').map((origin) => origin.trim()) ?? defaultAppOrigins

const sandbox = await startSandbox({ port, accessTokenTtl, appOrigins, intentTtl, scaWindow, scaResendCooldown })
console.log(`sandbox: PACE realm at ${sandbox.paceIssuer} (client ${sandbox.paceClientId})`)
console.log(`sandbox: oauth20 API at ${sandbox.oauth20BaseUrl}/oauth20/{authorize,token,intents}`)
console.log(
  `sandbox: Paysafe at ${sandbox.paysafeBaseUrl}, PicPay at ${sandbox.picpayBaseUrl}, getpaid at ${sandbox.getpaidBaseUrl}`,
)
if (!process.release.lts || process.release.lts < 'Jod') {
  console.log('sandbox: oidc-provider prefers Node 22 LTS; this Node works with it, and the tests run on Node 20.')
}
console.log(`sandbox: apps allowed from ${appOrigins.join(', ')}; access tokens live ${accessTokenTtl}s`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    sandbox.close().finally(() => process.exit(0))
  })
}
