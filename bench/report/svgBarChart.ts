// A horizontal bar chart as a standalone SVG, built by hand: the bench needs bars and labels,
// not a charting library.

export interface Bar {
  readonly label: string
  readonly value: number
  /** payauth's bars stand out; the peers' are grey. */
  readonly highlight?: boolean
}

export interface BarGroup {
  readonly title: string
  readonly bars: readonly Bar[]
}

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')

export function svgBarChart(options: {
  readonly title: string
  readonly groups: readonly BarGroup[]
  readonly format: (value: number) => string
}): string {
  const width = 760
  const labelWidth = 300
  const valueWidth = 90
  const barHeight = 18
  const rowGap = 6
  const groupGap = 14
  const titleHeight = 34
  const plotWidth = width - labelWidth - valueWidth
  const max = Math.max(...options.groups.flatMap((group) => group.bars.map((bar) => bar.value)), Number.MIN_VALUE)
  const parts: string[] = []
  let y = titleHeight
  for (const group of options.groups) {
    parts.push(`<text x="8" y="${y + 12}" class="group">${escapeXml(group.title)}</text>`)
    y += 20
    for (const bar of group.bars) {
      const length = Math.max(1, (bar.value / max) * plotWidth)
      const fill = bar.highlight ? '#2563eb' : '#9ca3af'
      parts.push(
        `<text x="${labelWidth - 8}" y="${y + 13}" text-anchor="end">${escapeXml(bar.label)}</text>`,
        `<rect x="${labelWidth}" y="${y}" width="${length.toFixed(1)}" height="${barHeight}" rx="2" fill="${fill}"/>`,
        `<text x="${(labelWidth + length + 6).toFixed(1)}" y="${y + 13}">${escapeXml(options.format(bar.value))}</text>`,
      )
      y += barHeight + rowGap
    }
    y += groupGap
  }
  const height = y
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(options.title)}">
<style>text{font:12px system-ui,-apple-system,'Segoe UI',sans-serif;fill:#111827}.title{font-size:15px;font-weight:600}.group{font-weight:600}</style>
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="8" y="22" class="title">${escapeXml(options.title)}</text>
${parts.join('\n')}
</svg>
`
}
