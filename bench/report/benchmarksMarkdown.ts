// BENCHMARKS.md from one run's results: the tables, what each figure means and where it stops.
import type { BffOutcome } from '../bffHook.ts'
import type { BundleRow } from '../bundleSizes.ts'
import type { LatencySamples } from '../callbackLatency.ts'
import type { Machine } from '../machine.ts'
import type { PageName } from '../ports.ts'
import type { HerdResult, HerdShape } from '../refreshHerd.ts'
import type { SessionEngineFigures } from '../sessionBench.ts'
import { median, quantile } from '../stats.ts'
import { pageLabels } from './labels.ts'

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string }

export interface BenchResults {
  readonly machine: Machine
  readonly sizes: Outcome<{ readonly rows: readonly BundleRow[]; readonly auth0ReactAloneWhole: number }>
  readonly session: Outcome<SessionEngineFigures>
  readonly callback: Outcome<ReadonlyMap<PageName, LatencySamples>>
  readonly callbackRounds: { readonly warmUpRounds: number; readonly rounds: number }
  readonly reads: Outcome<ReadonlyMap<PageName, readonly number[]>>
  readonly herd: Outcome<{
    readonly shape: HerdShape
    readonly tokenTtlSeconds: number
    /** Each library's runs, in the order they ran. */
    readonly runs: ReadonlyMap<PageName, readonly HerdResult[]>
  }>
  readonly bff: BffOutcome
  readonly wallSeconds: number
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`
const ms = (value: number) => `${value.toFixed(0)} ms`
const perSecond = (value: number) => `${Math.round(value).toLocaleString('en')}/s`
const times = (ratio: number) => `${ratio.toFixed(2)}×`
const row = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`
const header = (cells: readonly string[]) => `${row(cells)}\n${row(cells.map(() => '---'))}`
const notMeasured = (outcome: { readonly error: string }) => `_Not measured in this run: ${outcome.error}_`

/** The page's median over the bare page's median. */
function ratioToBare(samples: ReadonlyMap<PageName, LatencySamples>, page: PageName): number {
  return median(samples.get(page)?.callbackMs ?? []) / median(samples.get('oauth4webapi')?.callbackMs ?? [])
}

function summary(results: BenchResults): string {
  const sizes = results.sizes.ok ? results.sizes.value.rows : undefined
  const size = (index: number, pick: 'typical' | 'whole') => {
    const found = sizes?.[index]
    return found ? kb(found[pick].gzipped) : '—'
  }
  const herd = results.herd.ok ? results.herd.value : undefined
  const herdCell = (page: PageName, pick: (runs: readonly HerdResult[], expiries: number) => string) => {
    const runs = herd?.runs.get(page)
    return herd && runs ? pick(runs, herd.shape.expiries) : '—'
  }
  const perExpiry = (runs: readonly HerdResult[], expiries: number) => medianPerExpiry(runs, expiries).toFixed(1)
  const signedOut = (runs: readonly HerdResult[]) => runs.map((run) => run.tabsSignedOut).join(', ')
  const both = (pick: (runs: readonly HerdResult[], expiries: number) => string) =>
    `${herdCell('oidcClientTsShared', pick)} shared / ${herdCell('oidcClientTsPerTab', pick)} per tab`
  const shape = herd?.shape
  const herdLabel = shape ? `${shape.tabs} tabs × ${shape.callers} callers × ${shape.expiries} expiries` : 'the herd'
  const latency = (page: PageName) => {
    if (!results.callback.ok) return '—'
    const samples = results.callback.value.get(page)
    return samples ? `${ms(median(samples.callbackMs))} (${times(ratioToBare(results.callback.value, page))})` : '—'
  }
  const reads = (page: PageName) => {
    const samples = results.reads.ok ? results.reads.value.get(page) : undefined
    return samples ? perSecond(median(samples)) : '—'
  }
  return [
    header([
      '',
      'payauth',
      'oidc-client-ts + react-oidc-context',
      '@auth0/auth0-spa-js + @auth0/auth0-react',
      'keycloak-js',
    ]),
    row([
      'Bundle, typical React app, min+gzip',
      size(0, 'typical'),
      size(1, 'typical'),
      size(2, 'typical'),
      `${size(3, 'typical')} (no React bindings)`,
    ]),
    row(['Bundle, whole public API, min+gzip', size(0, 'whole'), size(1, 'whole'), size(2, 'whole'), size(3, 'whole')]),
    row([
      `Refresh requests per expiry, ${herdLabel}, median of ${herdRunCount(results)} runs (goal 1)`,
      herdCell('payauth', perExpiry),
      both(perExpiry),
      'not measured',
      'not measured',
    ]),
    row([
      `Tabs signed out at the end (of ${shape?.tabs ?? 0}), each run`,
      herdCell('payauth', signedOut),
      both(signedOut),
      'not measured',
      'not measured',
    ]),
    row([
      'Callback page → signed in, median (× bare oauth4webapi)',
      latency('payauth'),
      latency('oidcClientTsShared'),
      'not measured',
      'not measured',
    ]),
    row([
      'Cached token reads in Chromium, median',
      `${reads('payauth')} getAccessToken()`,
      `${reads('oidcClientTsShared')} getUser() + expiry check`,
      'not measured',
      'not measured',
    ]),
  ].join('\n')
}

function machineSection(machine: Machine, wallSeconds: number): string {
  return [
    '## The machine and the run',
    '',
    header(['CPU', 'cores', 'memory', 'OS', 'Node', 'Chromium', 'date (UTC)', '`pnpm bench` wall time']),
    row([
      machine.cpu,
      machine.cores,
      machine.memory,
      machine.os,
      machine.node,
      machine.chromium,
      machine.date,
      `${wallSeconds.toFixed(0)} s`,
    ]),
    '',
    header(['package', 'version']),
    ...machine.libraries.map(([name, version]) => row([name, version])),
    '',
    'The peers are pinned to these exact versions as devDependencies of the private workspace package',
    '`bench/` (`@payauth/bench`); payauth is measured from this checkout.',
  ].join('\n')
}

function sizeSection(results: BenchResults): string {
  const lines = ['## 1. Bundle size', '']
  if (!results.sizes.ok) return [...lines, notMeasured(results.sizes)].join('\n')
  const { rows, auth0ReactAloneWhole } = results.sizes.value
  lines.push(
    header([
      'library',
      'typical app imports',
      'typical, min',
      'typical, min+gzip',
      'whole API',
      'whole, min',
      'whole, min+gzip',
    ]),
    ...rows.map((entry) =>
      row([
        entry.library,
        entry.typical.imports,
        kb(entry.typical.minified),
        `**${kb(entry.typical.gzipped)}**`,
        entry.whole.imports,
        kb(entry.whole.minified),
        `**${kb(entry.whole.gzipped)}**`,
      ]),
    ),
    '',
    '- **What it is**: each entry is bundled by `scripts/bundleSize.mjs` (the same function `pnpm size` uses):',
    '  rolldown, ESM, tree-shaken, minified, `react`/`react-dom` external (an app ships React anyway), then',
    '  gzip at level 9. payauth is bundled from its built `dist/` (what npm ships), with oauth4webapi and',
    '  idb-keyval included; every peer from its published package and its dependencies.',
    "- **Typical** is what each library's React quick start imports; keycloak-js has no React bindings, so",
    '  its figure is the adapter alone and an app adds its own React glue (or a third-party wrapper).',
    `- **Whole** is every public entry point. \`@auth0/auth0-react\`'s ESM build carries its own copy of`,
    `  auth0-spa-js, so an app importing both packages ships it twice; auth0-react's own whole API alone is`,
    `  ${kb(auth0ReactAloneWhole)}.`,
    '- **Limits**: transfer size of the auth code only; it says nothing of parse or run time (see the callback',
    "  latency), and an app's own bundler settings can move every figure by a few per cent.",
  )
  return lines.join('\n')
}

function herdRunCount(results: BenchResults): number {
  return results.herd.ok ? Math.max(0, ...[...results.herd.value.runs.values()].map((runs) => runs.length)) : 0
}

function medianPerExpiry(runs: readonly HerdResult[], expiries: number): number {
  return median(runs.map((run) => run.refreshRequests / expiries))
}

const total = (runs: readonly HerdResult[], pick: (run: HerdResult) => number) =>
  runs.reduce((sum, run) => sum + pick(run), 0)

function herdSection(results: BenchResults): string {
  const lines = ['## 2. The multi-tab refresh herd (Chromium, rotating refresh tokens)', '']
  if (!results.herd.ok) return [...lines, notMeasured(results.herd)].join('\n')
  const { shape, tokenTtlSeconds, runs } = results.herd.value
  const runCount = herdRunCount(results)
  const callers = shape.tabs * shape.callers * shape.expiries * runCount
  lines.push(
    header([
      'library (session store)',
      `sign-ins for ${shape.tabs} tabs`,
      'refresh requests per expiry, each run',
      'median (goal 1)',
      'refused by the server, all runs',
      'refresh tokens presented twice, all runs',
      `callers without a valid token (of ${callers})`,
      `tabs signed out at the end (of ${shape.tabs}), each run`,
    ]),
    ...[...runs].map(([page, pageRuns]) =>
      row([
        pageLabels[page],
        median(pageRuns.map((run) => run.signIns)),
        pageRuns.map((run) => (run.refreshRequests / shape.expiries).toFixed(1)).join(', '),
        `**${medianPerExpiry(pageRuns, shape.expiries).toFixed(1)}**`,
        total(pageRuns, (run) => run.rejectedRefreshes),
        total(pageRuns, (run) => run.reusedRefreshTokens),
        total(pageRuns, (run) => run.callersWithoutValidToken),
        `**${pageRuns.map((run) => run.tabsSignedOut).join(', ')}**`,
      ]),
    ),
    '',
    ...[...runs].flatMap(([page, pageRuns]) => {
      const errors = [...new Set(pageRuns.flatMap((run) => run.errors))]
      return errors.length
        ? [`- Errors the callers of ${pageLabels[page]} saw: ${errors.map((error) => `\`${error}\``).join(', ')}.`, '']
        : []
    }),
    `- **What it is**: ${runCount} runs per library, the libraries taking turns. In each run, ${shape.tabs} tabs of`,
    `  one browser context open the library's test page on one origin, signed in as the same user against the`,
    `  sandbox's PACE realm, whose access tokens live ${tokenTtlSeconds} s. At each of ${shape.expiries} expiries, ${shape.callers} callers in`,
    "  every tab ask for a token at the moment the token that tab last saw expires, while the libraries' own",
    "  renewal timers (payauth's, oidc-client-ts's `automaticSilentRenew`) run as they would. A caller asks the",
    '  way the library tells apps to: payauth `getAccessToken()`; oidc-client-ts `getUser()`, then',
    '  `signinSilent()` when the user has expired (its docs/protocols/refresh-token-grant.md).',
    '- **Counted by the server**: the sandbox logs every token request (`/test/token-requests`). Refresh',
    '  tokens rotate, and a refresh token presented twice makes oidc-provider revoke the whole grant, the',
    '  answer to detected reuse that RFC 9700 (section 4.14.2) describes. A caller "without a valid token"',
    '  got an error, or a token the server no longer accepts (`/test/access-token`, asked right after each',
    '  expiry); a tab is "signed out" when, after the last expiry, it cannot get a token the server accepts.',
    '- **Reading it**: payauth renews once for all tabs (a Web Lock around the refresh, the result shared',
    '  through IndexedDB and a BroadcastChannel). oidc-client-ts with a shared `localStorage` session renews',
    "  once per tab, since every tab runs its own timer on the same refresh token; when two tabs' timers fire",
    '  within one round trip they present the same token and the grant is revoked for every tab (its issue',
    '  #430); the callers of a tab whose user has expired then each call `signinSilent()` (no single flight,',
    '  its issue #1618), which is why the refused requests can number in the hundreds. With its default',
    '  `sessionStorage`, every tab signs in and renews on its own, so requests grow with the tab count;',
    '  oidc-provider ties all sign-ins of one browser session (one SSO cookie) to one grant, so a reuse in',
    '  any tab would still end them all.',
    '- **Limits**: headless Chromium does not throttle background tabs the way a desktop browser does, and',
    '  5-second tokens stand in for tokens of minutes. oidc-client-ts counts its timers in whole seconds, so',
    '  whether two of its tabs collide is a matter of timing: one run can show no reuse and the next a',
    '  revoked grant, hence several runs. Its renewal lead is set to 2 s (1–2 s before expiry) to match',
    "  payauth's 1.25 s for these tokens; its 60-s default would renew every second.",
  )
  return lines.join('\n')
}

function callbackSection(results: BenchResults): string {
  const lines = ['## 3. Callback latency (Chromium)', '']
  if (!results.callback.ok) return [...lines, notMeasured(results.callback)].join('\n')
  const samples = results.callback.value
  const { warmUpRounds, rounds } = results.callbackRounds
  lines.push(
    header(['page', 'median', 'p10', 'p90', '× bare oauth4webapi (ratio of medians)', 'samples']),
    ...[...samples].map(([page, { callbackMs }]) =>
      row([
        pageLabels[page],
        `**${ms(median(callbackMs))}**`,
        ms(quantile(callbackMs, 0.1)),
        ms(quantile(callbackMs, 0.9)),
        page === 'oauth4webapi' ? '1 (baseline)' : `**${times(ratioToBare(samples, page))}**`,
        callbackMs.length,
      ]),
    ),
    '',
    '![Callback latency](bench/results/callback-latency.svg)',
    '',
    '- **What it is**: from the moment Chromium starts fetching the callback page (after the authorization',
    "  server's redirects: `PerformanceNavigationTiming.fetchStart`) to the moment the library says signed in",
    "  (`handleCallback()` resolved; oidc-client-ts `signinCallback()` resolved; the bare page's",
    "  `processAuthorizationCodeResponse()` resolved). It includes loading and running the page's bundle",
    '  (cached, as after the trip to the login page), OpenID discovery, which every page does on a fresh',
    '  page, checking the response, the code exchange, validating the ID token and storing the session.',
    '- **The bare page** is the least any code-flow client must do with oauth4webapi: discovery,',
    '  `validateAuthResponse`, `authorizationCodeGrantRequest`, `processAuthorizationCodeResponse`; it keeps',
    '  the tokens in memory and nothing else. The ratio says what each library adds on top.',
    `- **How**: ${warmUpRounds} warm-up rounds are discarded, then ${rounds} rounds in which the pages take turns`,
    '  (A/B/C, B/C/A, C/A/B, …), each sample in a new browser context, against a sandbox with hour-long',
    "  tokens in its own process. Taking turns and taking medians keep a loaded machine's slow spells from",
    '  favouring anyone, but a difference smaller than the spread between p10 and p90 is noise: on a busy',
    '  machine, rerun before reading anything into it.',
    '- **Limits**: loopback network, so server round trips cost about a millisecond; on a real network the',
    '  two round trips every client makes (discovery and the token request) dominate and the differences',
    '  shrink. The pages are the core libraries without React.',
  )
  return lines.join('\n')
}

function readsSection(results: BenchResults): string {
  const lines = ['## 4. Cached token reads', '']
  const session = results.session.ok ? results.session.value : undefined
  if (!results.reads.ok) lines.push(notMeasured(results.reads), '')
  else {
    lines.push(
      header(['library', 'call', 'calls per second, Chromium (median of 3)']),
      ...[...results.reads.value].map(([page, samples]) =>
        row([
          pageLabels[page],
          page === 'payauth' ? '`getAccessToken()`' : '`getUser()`, then `user.expired`',
          `**${perSecond(median(samples))}**`,
        ]),
      ),
      '',
    )
  }
  lines.push(
    `- payauth in Node (sessionBench, fake-indexeddb): ${session ? `**${perSecond(session.cachedCallsPerSecond)}** \`getAccessToken()\`` : 'not measured'}.`,
    '- **What it is**: how often a page can ask for the token it already holds, valid for an hour, in a loop',
    '  of awaited calls (300 ms warm-up, 1 s measured, the libraries taking turns three times).',
    '- **Comparable, not equal**: `getAccessToken()` promises a token that is valid now and renews it first',
    '  when it is not; oidc-client-ts has no such call, and `getUser()` reads the stored user (from',
    '  `localStorage`, parsing it) and re-arms its timers, leaving the expiry check and renewal to the app.',
    '  Either is far below what one API call costs, so this matters only to code that asks per request.',
  )
  return lines.join('\n')
}

function sessionSection(results: BenchResults): string {
  const lines = ["## 5. payauth's session engine in Node (sessionBench)", '']
  if (!results.session.ok) return [...lines, notMeasured(results.session)].join('\n')
  lines.push(
    header(['callers asking at once for a stale token', 'token requests (goal 1)']),
    ...results.session.value.requestsPerExpiry.map(([label, requests]) => row([label, requests])),
    '',
    'Simulated time and tabs (one process sharing fake-indexeddb, the IndexedDB lease lock and a channel),',
    'so it reaches 1,000 callers and 10 tabs in seconds; the Chromium herd above is the real-browser check.',
  )
  return lines.join('\n')
}

function bffSection(bff: BffOutcome): string {
  const lines = ["## 6. The BFF's token route", '']
  if (bff.status === 'absent') {
    lines.push('_Not in this run: `bench/bffBench.ts` does not exist yet. `pnpm bench` runs it when it does._')
  } else if (bff.status === 'failed') {
    lines.push(`_${bff.error}._`, '', bff.markdown)
  } else lines.push(bff.markdown)
  return lines.join('\n')
}

const configuration = `## How each library is set up

- **payauth**: \`createAuthClient({ provider: pace({ issuer }), clientId, redirectUri, scope: ['openid'] })\`
  with its defaults (IndexedDB store, Web Locks, BroadcastChannel, renewal timers), as the README's quick
  start; the callback page calls \`start()\` and \`handleCallback()\` as \`<AuthProvider>\` and \`<AuthCallback>\` do.
- **oidc-client-ts** (https://authts.github.io/oidc-client-ts/): \`new UserManager({ authority, client_id,
  redirect_uri, scope: 'openid', automaticSilentRenew: true })\` (code + PKCE are its defaults; it renews with
  the refresh token when it has one), plus \`userStore: new WebStorageStateStore({ store: window.localStorage })\`
  for the shared variant, as react-oidc-context's README ("Automatic sign-in") shows; the callback page calls
  \`signinCallback()\` and scrubs the URL, as react-oidc-context's \`AuthProvider\` does.
- **bare oauth4webapi**: the four calls named above, nothing else.
- **@auth0/auth0-spa-js, keycloak-js**: bundle size only in this run. auth0-spa-js calls Auth0's fixed paths
  (\`/authorize\`, \`/oauth/token\`) without discovery, which the sandbox's Keycloak-shaped realm does not serve;
  keycloak-js could run against it and is the next page to add.
- **The sandbox**: \`apps/sandbox\` (oidc-provider) in processes of their own on ports 9430 (5-second tokens,
  the herd) and 9431 (hour-long tokens), public client \`demo-spa\`, user alice signed in at the sandbox
  (its auto-login cookie) so no login form is timed. The pages are served on 5193–5196, one origin each.`

export function benchmarksMarkdown(results: BenchResults): string {
  return `# Benchmarks

payauth beside the libraries teams weigh it against, measured by \`pnpm bench\` on one machine in one
run (${results.machine.date}). Every figure below comes from that run; \`pnpm bench\` (about
${Math.max(1, Math.round(results.wallSeconds / 60))} min) measures your own machine. Times depend on the machine; counts of requests
and sign-outs should not, except where timing decides a race between tabs (section 2). Nothing here is a
pass/fail check.

${summary(results)}

![Bundle size, min+gzip](bench/results/bundle-size.svg)

${machineSection(results.machine, results.wallSeconds)}

${sizeSection(results)}

${herdSection(results)}

${callbackSection(results)}

${readsSection(results)}

${sessionSection(results)}

${bffSection(results.bff)}

${configuration}
`
}
