import { AuthError } from '@payauth/core'
import type { SecureStoreLike, SecureStoreOptionsLike } from './reactNativeModules.ts'
import type { SecureStoreKeys } from './secureStoreKeys.ts'

/** JSON values, spread over as many entries of at most `entryBytes` as they need. */
export interface SecureStoreEntries {
  read(entry: string): Promise<unknown>
  /** Writes `value`; a typed `storage_error` when it is larger than allowed, and nothing is written. */
  write(entry: string, value: unknown): Promise<void>
  remove(entry: string): Promise<void>
}

/** How `secureStoreEntries()` names and sizes its entries. */
export interface SecureStoreEntriesOptions {
  readonly keys: SecureStoreKeys
  readonly storeOptions: SecureStoreOptionsLike
  /** The store's limit for one value; expo-secure-store's is 2048 bytes. */
  readonly entryBytes: number
  /** The most one value may take, in bytes of its JSON. */
  readonly maxValueBytes: number
}

interface Manifest {
  readonly generation: string
  readonly count: number
  readonly length: number
}

/** An entry holds `J` + the JSON itself, or `C` + the manifest of the chunks that hold it. */
const whole = 'J'
const chunked = 'C'

/**
 * Reads and writes values the store cannot hold in one entry: the JSON is split into chunks written
 * under a new generation, then the manifest is switched to them in one write, then the old chunks
 * go, so a crash halfway leaves the old value readable. The JSON is kept ASCII (`\u` escapes), so
 * characters and bytes count the same and no chunk splits a character.
 */
export function secureStoreEntries(
  SecureStore: SecureStoreLike,
  options: SecureStoreEntriesOptions,
): SecureStoreEntries {
  const { keys, storeOptions, entryBytes } = options
  const mostChunks = Math.ceil(options.maxValueBytes / entryBytes)
  let writes = 0
  const get = (key: string) => SecureStore.getItemAsync(key, storeOptions)
  const set = (key: string, value: string) => SecureStore.setItemAsync(key, value, storeOptions)
  const del = (key: string) => SecureStore.deleteItemAsync(key, storeOptions)

  /** The manifest an entry holds, if it holds a sound one. */
  function manifestOf(text: string | null): Manifest | undefined {
    if (!text?.startsWith(chunked)) return undefined
    const manifest = parseManifest(text.slice(1))
    return manifest && manifest.count <= mostChunks ? manifest : undefined
  }

  function chunksOf(entry: string, text: string | null): string[] {
    const manifest = manifestOf(text)
    if (!manifest) return []
    return Array.from({ length: manifest.count }, (_, n) => keys.chunk(entry, manifest.generation, n))
  }

  async function damaged(entry: string, text: string, cause: unknown): Promise<never> {
    for (const key of chunksOf(entry, text)) await del(key)
    await del(entry)
    throw new AuthError('storage_error', 'A damaged value in secure storage was dropped', {
      cause: { entry, cause },
    })
  }

  return {
    async read(entry) {
      const text = await get(entry)
      if (text === null) return undefined
      try {
        if (text.startsWith(whole)) return JSON.parse(text.slice(1))
        const manifest = manifestOf(text)
        if (!manifest) throw new TypeError('neither a value nor a chunk manifest')
        let json = ''
        for (const key of chunksOf(entry, text)) {
          const chunk = await get(key)
          if (chunk === null) throw new TypeError(`chunk ${key} is missing`)
          json += chunk
        }
        if (json.length !== manifest.length) throw new TypeError('the chunks do not add up')
        return JSON.parse(json)
      } catch (error) {
        return damaged(entry, text, error)
      }
    },
    async write(entry, value) {
      const json = asciiJson(value)
      if (json.length > options.maxValueBytes) {
        throw new AuthError('storage_error', `A value of ${json.length} bytes is over the limit`, {
          cause: { entry, bytes: json.length, maxValueBytes: options.maxValueBytes },
        })
      }
      const previous = chunksOf(entry, await get(entry))
      if (json.length + whole.length <= entryBytes) {
        await set(entry, whole + json)
      } else {
        const generation = `${Date.now().toString(36)}${(writes++).toString(36)}`
        const count = Math.ceil(json.length / entryBytes)
        for (let n = 0; n < count; n++) {
          await set(keys.chunk(entry, generation, n), json.slice(n * entryBytes, (n + 1) * entryBytes))
        }
        await set(entry, chunked + JSON.stringify({ generation, count, length: json.length } satisfies Manifest))
      }
      for (const key of previous) await del(key)
    },
    async remove(entry) {
      const chunks = chunksOf(entry, await get(entry))
      await del(entry)
      for (const key of chunks) await del(key)
    },
  }
}

function parseManifest(text: string): Manifest | undefined {
  let manifest: Partial<Manifest> | null
  try {
    manifest = JSON.parse(text) as Partial<Manifest> | null
  } catch {
    return undefined
  }
  return typeof manifest?.generation === 'string' &&
    /^[a-z0-9]+$/.test(manifest.generation) &&
    Number.isInteger(manifest.count) &&
    Number.isInteger(manifest.length)
    ? (manifest as Manifest)
    : undefined
}

/** JSON with every non-ASCII character escaped: the same value, one byte per character. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
