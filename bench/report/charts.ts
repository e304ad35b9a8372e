import type { BundleRow } from '../bundleSizes.ts'
import type { LatencySamples } from '../callbackLatency.ts'
import type { PageName } from '../ports.ts'
import { median } from '../stats.ts'
import { shortPageLabels } from './labels.ts'
import { svgBarChart } from './svgBarChart.ts'

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`

export function bundleSizeChart(rows: readonly BundleRow[]): string {
  const bars = (pick: (row: BundleRow) => number) =>
    rows.map((row) => ({ label: row.library, value: pick(row), highlight: row.library.startsWith('payauth') }))
  return svgBarChart({
    title: 'Bundle size, min + gzip -9 (React external; smaller is better)',
    groups: [
      { title: 'Typical app', bars: bars((row) => row.typical.gzipped) },
      { title: 'Whole public API', bars: bars((row) => row.whole.gzipped) },
    ],
    format: kb,
  })
}

export function callbackLatencyChart(samples: ReadonlyMap<PageName, LatencySamples>): string {
  return svgBarChart({
    title: 'Callback page fetch → signed in, median in Chromium (smaller is better)',
    groups: [
      {
        title: 'Median of interleaved runs',
        bars: [...samples].map(([page, { callbackMs }]) => ({
          label: shortPageLabels[page],
          value: median(callbackMs),
          highlight: page === 'payauth',
        })),
      },
    ],
    format: (ms) => `${ms.toFixed(0)} ms`,
  })
}
