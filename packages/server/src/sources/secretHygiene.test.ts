import { inspect } from 'node:util'
import {
  getpaidDemoClient,
  paceAccessToken,
  paysafeDemoBrand,
  paysafeDemoClient,
  picpayDemoClient,
} from '@payauth/sandbox'
import { describe, expect, it } from 'vitest'
import { appOrigin, injectFault, manualClock, recordingLogger, useSandbox } from '../test/sandboxFixture.ts'
import { getpaidTokenSource } from './getpaid/getpaidTokenSource.ts'
import { paysafeTokenSource } from './paysafe/paysafeTokenSource.ts'
import { picpayTokenSource } from './picpay/picpayTokenSource.ts'
import type { FetchLike, TokenSourceOptions } from './tokenSourceOptions.ts'

// Everything the sources hand back, throw or log is rendered every way an app might print it,
// and scanned for every secret that crossed the wire: client secrets, subject tokens, passwords,
// and each access, refresh and ID token the sandbox issued.
const sandbox = useSandbox({ accessTokenTtl: 300 })
const secrets = new Set<string>([
  paysafeDemoClient.clientSecret,
  picpayDemoClient.clientSecret,
  getpaidDemoClient.clientSecret,
])
const logger = recordingLogger()
const seams = (): TokenSourceOptions => ({
  fetch: secretCollectingFetch,
  logger,
  sleep: async () => {},
  timeoutMs: 500,
})

/** The real fetch, noting every token in the requests and responses that go through it. */
const secretCollectingFetch: FetchLike = async (url, init) => {
  const sent = String(init.body ?? '')
  const fields = sent.startsWith('{') ? Object.entries(JSON.parse(sent) as object) : [...new URLSearchParams(sent)]
  for (const [name, value] of fields) {
    if (/token|password|secret/.test(name) && typeof value === 'string' && value.length > 0) secrets.add(value)
  }
  const response = await fetch(url, init)
  const body = (await response
    .clone()
    .json()
    .catch(() => ({}))) as Record<string, unknown>
  for (const name of ['access_token', 'refresh_token', 'id_token']) {
    if (typeof body[name] === 'string') secrets.add(body[name])
  }
  return response
}

function renderings(value: unknown): string[] {
  const rendered = [JSON.stringify(value) ?? '', inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true })]
  rendered.push(String(value), JSON.stringify({ ...(value as object) }))
  for (let error = value; error instanceof Error; error = error.cause) {
    rendered.push(error.message, error.stack ?? '', inspect(error.cause, { depth: Number.POSITIVE_INFINITY }))
  }
  return rendered
}

const leaks = (text: string) => [...secrets].filter((secret) => text.includes(secret))
const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  )

describe('secrets never leave the token sources', () => {
  it('are in no token, source, error, cause or log line, however rendered', async () => {
    const picpay = picpayTokenSource({ baseUrl: sandbox().picpayBaseUrl, ...picpayDemoClient, ...seams() })
    const getpaid = getpaidTokenSource({
      environment: 'sandbox',
      baseUrl: sandbox().getpaidBaseUrl,
      ...getpaidDemoClient,
      scope: 'accounts:read_write',
      ...seams(),
    })
    const clock = manualClock()
    const paysafeOptions = {
      baseUrl: sandbox().paysafeBaseUrl,
      brandIdentity: paysafeDemoBrand,
      ...paysafeDemoClient,
      legacyPasswordGrant: true,
      ...seams(),
    }
    const paysafe = paysafeTokenSource({ ...paysafeOptions, now: clock.now })
    const subjectToken = await paceAccessToken({ ...sandbox(), appOrigin, username: 'alice' })
    const alice = await paysafe.exchange({ subjectToken })
    const bob = await paysafe.passwordGrant({ username: 'bob', password: 'bob-pass' })
    const returned: unknown[] = [
      picpay,
      getpaid,
      paysafe,
      alice,
      await picpay.getToken(),
      await getpaid.getToken(),
      await paysafe.getToken(),
      await alice.getToken(),
      await bob.getToken(),
    ]
    clock.advance(301_000)
    returned.push(await alice.getToken())

    const failures: unknown[] = [
      await caught(
        picpayTokenSource({
          ...seams(),
          baseUrl: sandbox().picpayBaseUrl,
          clientId: 'x',
          clientSecret: 'WrongSecret1',
        }).getToken(),
      ),
      await caught(
        getpaidTokenSource({
          ...seams(),
          environment: 'live',
          baseUrl: sandbox().getpaidBaseUrl,
          ...getpaidDemoClient,
          scope: 'x',
        }).getToken(),
      ),
      await caught(paysafeTokenSource({ ...paysafeOptions, clientSecret: 'p%ss+wörd: é/?' }).getToken()),
      await caught(
        paysafeTokenSource({ ...paysafeOptions, issuer: 'https://elsewhere.example' }).exchange({ subjectToken }),
      ),
      await caught(paysafe.passwordGrant({ username: 'alice', password: 'a wrong password' })),
      await caught(paysafe.exchange({ subjectToken: 'an-untrusted-subject-token' })),
      await caught(picpayTokenSource({ ...seams(), baseUrl: 'http://127.0.0.1:9', ...picpayDemoClient }).getToken()),
    ]
    await injectFault(sandbox(), 'picpay', { kind: 'server-error', times: 4 })
    failures.push(
      await caught(picpayTokenSource({ ...seams(), baseUrl: sandbox().picpayBaseUrl, ...picpayDemoClient }).getToken()),
    )
    await injectFault(sandbox(), 'getpaid', { kind: 'hang', times: 2 })
    failures.push(
      await caught(
        getpaid.getToken().then(() =>
          getpaidTokenSource({
            ...seams(),
            timeoutMs: 150,
            retry: { maxAttempts: 2 },
            environment: 'sandbox',
            baseUrl: sandbox().getpaidBaseUrl,
            ...getpaidDemoClient,
            scope: 'accounts:read_write',
          }).getToken(),
        ),
      ),
    )
    clock.advance(2_000_000)
    failures.push(await caught(alice.getToken()))

    expect(failures.every((failure) => failure instanceof Error)).toBe(true)
    expect(logger.lines.length).toBeGreaterThan(0)
    expect(secrets.size).toBeGreaterThan(15)
    // The scan would see a leak: the tokens it looks for are really in what it scans.
    expect(leaks(JSON.stringify({ leaked: (returned[4] as { accessToken: string }).accessToken }))).toHaveLength(1)
    for (const value of [...returned, ...failures, ...logger.lines]) {
      for (const text of renderings(value)) expect(leaks(text), text).toEqual([])
    }
  })

  it('blanks a client secret a provider echoes in its error description', async () => {
    const echoing: FetchLike = async () =>
      Response.json(
        { error: 'invalid_client', error_description: `no client with secret ${picpayDemoClient.clientSecret}` },
        { status: 401 },
      )
    const error = await caught(
      picpayTokenSource({ baseUrl: 'https://picpay.example', ...picpayDemoClient, fetch: echoing }).getToken(),
    )
    expect(error).toMatchObject({ errorDescription: 'no client with secret [redacted]' })
    for (const text of renderings(error)) expect(text).not.toContain(picpayDemoClient.clientSecret)
  })
})
