/**
 * Names of entries in a key-value store that allows only `[A-Za-z0-9._-]` in keys (expo-secure-store).
 * The core's keys hold `:` and `/` (the issuer's URL), so each is escaped: letters, digits and `-`
 * stay, every other UTF-8 byte becomes `_` and two hex digits. That is one-to-one (`_` itself is
 * escaped), and it leaves `.` free to separate a value's name from its chunks'.
 */
export interface SecureStoreKeys {
  /** The entry holding the value (or its chunk manifest) of the core's `key`. */
  entry(key: string): string
  /** The entry listing the core's keys, since the store cannot enumerate its own. */
  readonly index: string
  /** The entry holding chunk `n` of one write (`generation`) of `entry`. */
  chunk(entry: string, generation: string, n: number): string
}

/** `namespace` must itself be a safe key without `.`, e.g. `payauth`. */
export function secureStoreKeys(namespace: string): SecureStoreKeys {
  if (!/^[A-Za-z0-9-]+$/.test(namespace)) throw new TypeError(`namespace must match [A-Za-z0-9-]+: ${namespace}`)
  return {
    entry: (key) => `${namespace}.v.${escapeKey(key)}`,
    index: `${namespace}.index`,
    chunk: (entry, generation, n) => `${entry}.${generation}.${n}`,
  }
}

function escapeKey(key: string): string {
  let escaped = ''
  for (const character of key) {
    if (/^[A-Za-z0-9-]$/.test(character)) escaped += character
    else
      for (const byte of new TextEncoder().encode(character))
        escaped += `_${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return escaped
}
