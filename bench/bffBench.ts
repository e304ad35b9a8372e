// pnpm bench, second part: the BFF's access-token route under concurrent sessions, over loopback
// HTTP against the real sandbox (requests/s, p50 and p99 latency, with cookie and Redis sessions),
// and how many token requests one expiry causes for N concurrent server-side callers of each
// token source and of the BFF, on one instance and on two sharing Redis (goal: 1). No pass/fail:
// the times depend on the machine.
import { getpaidDemoClient, paysafeDemoBrand, paysafeDemoClient, picpayDemoClient } from '@payauth/sandbox'
import {
  type Bff,
  getpaidTokenSource,
  paysafeTokenSource,
  picpayTokenSource,
  type SessionStoreFactory,
  type TokenSource,
  type TokenSourceOptions,
} from '@payauth/server'
import { spaHeaders, startBffRig, startRedis } from './bffRig.ts'

const rig = await startBffRig()
const redis = await startRedis()
const redisStore = 'store' in redis ? redis.store : undefined
const callerCounts = [1, 10, 100, 1000]

/** `count` sessions signed in to `bff`, ten sign-ins at a time. */
async function signIns(bff: Bff, count: number): Promise<string[]> {
  const cookies: string[] = []
  while (cookies.length < count) {
    const batch = Math.min(10, count - cookies.length)
    cookies.push(...(await Promise.all(Array.from({ length: batch }, () => rig.signIn(bff)))))
  }
  return cookies
}

/** `concurrency` callers asking `/bff/access-token` in turn for `sessions` sessions: a 300 ms warm-up, then 1.5 s measured. */
async function throughput(store: SessionStoreFactory | undefined, sessions: number, concurrency: number) {
  const bff = rig.newBff(store ? { store } : {})
  const cookies = await signIns(bff, sessions)
  const latencies: number[] = []
  const run = async (durationMs: number) => {
    latencies.length = 0
    let turn = 0
    const deadline = performance.now() + durationMs
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline) {
          const cookie = cookies[turn++ % cookies.length] ?? ''
          const started = performance.now()
          const response = await fetch(`${rig.origin}/bff/access-token`, { headers: spaHeaders(rig.origin, cookie) })
          await response.arrayBuffer()
          if (!response.ok) throw new Error(`the access-token route answered ${response.status}`)
          latencies.push(performance.now() - started)
        }
      }),
    )
    return durationMs
  }
  await run(300)
  const measuredMs = await run(1_500)
  latencies.sort((a, b) => a - b)
  const at = (quantile: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(quantile * latencies.length))] ?? 0
  return { perSecond: latencies.length / (measuredMs / 1000), p50: at(0.5), p99: at(0.99) }
}

console.log('\nBFF GET /bff/access-token over loopback HTTP (sandbox in-process; no refresh during the run)')
console.log(
  `  ${'session store'.padEnd(28)}${'sessions'.padStart(9)}${'parallel'.padStart(10)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}`,
)
const stores: [string, SessionStoreFactory | undefined][] = [['encrypted cookie', undefined]]
if (redisStore) stores.push(['Redis', redisStore('bench:throughput:')])
for (const [label, store] of stores) {
  for (const [sessions, concurrency] of [
    [1, 1],
    [1, 10],
    [10, 10],
    [50, 50],
  ] as const) {
    const { perSecond, p50, p99 } = await throughput(store, sessions, concurrency)
    console.log(
      `  ${label.padEnd(28)}${String(sessions).padStart(9)}${String(concurrency).padStart(10)}${Math.round(perSecond).toLocaleString('en').padStart(9)}${p50.toFixed(1).padStart(9)}${p99.toFixed(1).padStart(9)}`,
    )
  }
}

/** A clock the benchmark moves past every token's expiry, and a fetch that counts requests to one URL. */
function clockAndCounter(tokenEndpoint: string) {
  const clock = { time: Date.now() }
  const counter = { requests: 0 }
  const countingFetch = (input: string | URL | Request, init?: RequestInit) => {
    if (String(input instanceof Request ? input.url : input) === tokenEndpoint) counter.requests++
    return fetch(input, init)
  }
  return { clock, counter, countingFetch }
}

/** Token requests one expiry causes when `callers` ask a fresh source at once. */
async function sourceRequestsPerExpiry(
  makeSource: (options: TokenSourceOptions) => TokenSource<never>,
  tokenEndpoint: string,
  callers: number,
): Promise<number> {
  const { clock, counter, countingFetch } = clockAndCounter(tokenEndpoint)
  const source = makeSource({ now: () => clock.time, fetch: countingFetch })
  await source.getToken()
  clock.time += 2 * 3600_000
  counter.requests = 0
  await Promise.all(Array.from({ length: callers }, () => source.getToken()))
  return counter.requests
}

/** Token requests one expiry causes when `callers` ask the BFF instances (in turn) for one session's token. */
async function bffRequestsPerExpiry(instances: number, store: SessionStoreFactory | undefined, callers: number) {
  const { clock, counter, countingFetch } = clockAndCounter(`${rig.sandbox.paceIssuer}/protocol/openid-connect/token`)
  const bffs = Array.from({ length: instances }, () =>
    rig.newBff({ now: () => clock.time, fetch: countingFetch, ...(store ? { store } : {}) }),
  )
  const cookie = await rig.signIn(bffs[0] as Bff)
  clock.time += 10 * 60_000
  counter.requests = 0
  const statuses = await Promise.all(
    Array.from({ length: callers }, async (_, index) => {
      const bff = bffs[index % instances] as Bff
      const request = new Request(`${rig.origin}/bff/access-token`, { headers: spaHeaders(rig.origin, cookie) })
      return (await bff.handle(request)).status
    }),
  )
  const refused = statuses.filter((status) => status !== 200).length
  return refused === 0 ? String(counter.requests) : `${counter.requests} (${refused} 401s)`
}

const { sandbox } = rig
const sources: [string, (options: TokenSourceOptions) => TokenSource<never>, string][] = [
  [
    'PicPay token source',
    (options) => picpayTokenSource({ ...options, baseUrl: sandbox.picpayBaseUrl, ...picpayDemoClient }) as never,
    `${sandbox.picpayBaseUrl}/oauth2/token`,
  ],
  [
    'getpaid token source',
    (options) =>
      getpaidTokenSource({
        ...options,
        environment: 'sandbox',
        baseUrl: sandbox.getpaidBaseUrl,
        ...getpaidDemoClient,
        scope: ['accounts:read_write'],
      }) as never,
    `${sandbox.getpaidBaseUrl}/oauth/token`,
  ],
  [
    'Paysafe token source',
    (options) =>
      paysafeTokenSource({
        ...options,
        baseUrl: sandbox.paysafeBaseUrl,
        brandIdentity: paysafeDemoBrand,
        ...paysafeDemoClient,
      }) as never,
    `${sandbox.paysafeBaseUrl}/auth/brands/${paysafeDemoBrand}/token`,
  ],
]

console.log('\nToken requests per expiry for N concurrent callers (goal: 1)')
console.log(`  ${'caller'.padEnd(54)}${callerCounts.map((count) => `N=${count}`.padStart(13)).join('')}`)
const row = (label: string, cells: readonly string[]) =>
  console.log(`  ${label.padEnd(54)}${cells.map((cell) => cell.padStart(13)).join('')}`)
for (const [label, makeSource, tokenEndpoint] of sources) {
  const cells: string[] = []
  for (const callers of callerCounts)
    cells.push(String(await sourceRequestsPerExpiry(makeSource, tokenEndpoint, callers)))
  row(label, cells)
}
const bffSetups: [string, number, (() => SessionStoreFactory) | undefined][] = [
  ['BFF, 1 instance, cookie sessions', 1, undefined],
]
if (redisStore) {
  let setups = 0
  bffSetups.push(['BFF, 1 instance, Redis sessions', 1, () => redisStore(`bench:one:${++setups}:`)])
  bffSetups.push(['BFF, 2 instances sharing Redis', 2, () => redisStore(`bench:two:${++setups}:`)])
}
bffSetups.push(['BFF, 2 instances, cookie sessions (no shared lock)', 2, undefined])
for (const [label, instances, store] of bffSetups) {
  const cells: string[] = []
  for (const callers of callerCounts) cells.push(await bffRequestsPerExpiry(instances, store?.(), callers))
  row(label, cells)
}
if (!redisStore) console.log(`  (Redis rows skipped: ${'unavailable' in redis ? redis.unavailable : ''})`)
console.log(
  '  Two instances on cookie sessions share no lock: both refresh, the provider revokes the grant for the reused refresh token, and the callers get 401.',
)

if ('close' in redis) await redis.close()
await rig.close()
