import { paysafeDemoBrand, paysafeDemoClient, picpayDemoClient } from '@payauth/sandbox'
import { describe, expect, it } from 'vitest'
import { ServerErrorCode } from '../errors.ts'
import {
  injectFault,
  manualClock,
  recordedSleeps,
  recordingLogger,
  tokenRequests,
  useSandbox,
} from '../test/sandboxFixture.ts'
import { paysafeTokenSource } from './paysafe/paysafeTokenSource.ts'
import { picpayTokenSource } from './picpay/picpayTokenSource.ts'
import type { RetryPolicy } from './retryPolicy.ts'
import type { TokenSourceOptions } from './tokenSourceOptions.ts'

// Retries against the sandbox's real token endpoints, which play the faults the tests inject.
const sandbox = useSandbox()
const retry: Partial<RetryPolicy> = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 5_000 }

function picpay(options: TokenSourceOptions = {}) {
  return picpayTokenSource({
    baseUrl: sandbox().picpayBaseUrl,
    ...picpayDemoClient,
    retry,
    random: () => 0.5,
    ...options,
  })
}

const picpayRequests = () => tokenRequests(sandbox(), 'picpay', picpayDemoClient.clientId)

describe('token sources retry transient failures', () => {
  it('retries a bare 503 and a 500 with an OAuth body, backing off exponentially with jitter', async () => {
    await injectFault(sandbox(), 'picpay', { kind: 'unavailable' })
    await injectFault(sandbox(), 'picpay', { kind: 'server-error' })
    const { delays, sleep } = recordedSleeps()
    expect(await picpay({ sleep }).getAccessToken()).toEqual(expect.any(String))
    // Equal jitter with random() = 0.5: three quarters of 100 ms, then of 200 ms.
    expect(delays).toEqual([75, 150])
    expect(await picpayRequests()).toMatchObject({ total: 3, faulted: 2 })
  })

  it('waits exactly as long as Retry-After says on a 429', async () => {
    await injectFault(sandbox(), 'picpay', { kind: 'rate-limited', retryAfterSeconds: 2 })
    const { delays, sleep } = recordedSleeps()
    await picpay({ sleep }).getToken()
    expect(delays).toEqual([2_000])
  })

  it('gives up at once when Retry-After is longer than the policy allows', async () => {
    await injectFault(sandbox(), 'picpay', { kind: 'rate-limited', retryAfterSeconds: 60 })
    const { delays, sleep } = recordedSleeps()
    const error = await picpay({ sleep })
      .getToken()
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: ServerErrorCode.ServerError, status: 429, error: 'too_many_requests' })
    expect(delays).toEqual([])
  })

  it('retries a dropped connection and a request that never gets an answer', async () => {
    await injectFault(sandbox(), 'picpay', { kind: 'drop' })
    await injectFault(sandbox(), 'picpay', { kind: 'hang' })
    const { delays, sleep } = recordedSleeps()
    await picpay({ sleep, timeoutMs: 300 }).getToken()
    expect(delays).toHaveLength(2)
    expect(await picpayRequests()).toMatchObject({ total: 3, faulted: 2 })
  })

  it('fails with ServerError and the last answer when the attempts run out', async () => {
    await injectFault(sandbox(), 'picpay', { kind: 'server-error', times: 4 })
    const error = await picpay(recordedSleeps())
      .getToken()
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({
      code: ServerErrorCode.ServerError,
      status: 500,
      error: 'server_error',
      errorDescription: 'The token service failed',
    })
    expect((await picpayRequests()).total).toBe(4)
  })

  it('fails with NetworkError when the provider cannot be reached at all', async () => {
    const unreachable = picpay({ ...recordedSleeps(), baseUrl: 'http://127.0.0.1:9' } as TokenSourceOptions)
    const error = await unreachable.getToken().catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: ServerErrorCode.NetworkError })
    expect((error as Error).cause).toBeDefined()
  })

  it("retries through openid-client too (Paysafe's source)", async () => {
    await injectFault(sandbox(), 'paysafe', { kind: 'unavailable' })
    await injectFault(sandbox(), 'paysafe', { kind: 'rate-limited', retryAfterSeconds: 1 })
    const { delays, sleep } = recordedSleeps()
    const paysafe = paysafeTokenSource({
      baseUrl: sandbox().paysafeBaseUrl,
      brandIdentity: paysafeDemoBrand,
      ...paysafeDemoClient,
      retry,
      random: () => 0.5,
      sleep,
    })
    expect(await paysafe.getAccessToken()).toEqual(expect.any(String))
    expect(delays).toEqual([75, 1_000])
  })
})

describe('a still-valid cached token keeps being handed out while renewal fails', () => {
  it('serves the cached token during the retries, logs the failed renewal once, renews later', async () => {
    const clock = manualClock()
    const logger = recordingLogger()
    let releaseSleep = () => {}
    const sleeping: Promise<void>[] = []
    const tokens = picpay({
      now: clock.now,
      logger,
      retry: { ...retry, maxAttempts: 2 },
      sleep: () => {
        const slept = new Promise<void>((resolve) => {
          releaseSleep = resolve
        })
        sleeping.push(slept)
        return slept
      },
    })
    const first = await tokens.getToken()
    await injectFault(sandbox(), 'picpay', { kind: 'unavailable', times: 2 })
    clock.advance(280_000)
    expect((await tokens.getToken()).accessToken).toBe(first.accessToken)
    await expect.poll(() => sleeping.length).toBe(1)
    // The renewal is backing off; callers are not kept waiting for it.
    expect((await tokens.getToken()).accessToken).toBe(first.accessToken)
    releaseSleep()
    await expect.poll(() => logger.lines.length).toBe(1)
    expect(logger.lines[0]).toContain('PicPay')
    expect(logger.lines[0]).toContain('server_error')
    expect(await picpayRequests()).toMatchObject({ total: 3, faulted: 2 })
    clock.advance(25_000)
    const renewed = await tokens.getToken()
    expect(renewed.accessToken).not.toBe(first.accessToken)
  })
})
