export interface BundleSize {
  /** The minified bundle. */
  readonly code: string
  /** Bytes, minified. */
  readonly minified: number
  /** Bytes, minified and gzipped at level 9. */
  readonly gzipped: number
}

/** Bundles `source` as an app would (minified, tree-shaken, React external) and measures it. */
export function bundleSize(
  source: string,
  options: { readonly resolveFrom: string; readonly alias?: Readonly<Record<string, string>> },
): Promise<BundleSize>
