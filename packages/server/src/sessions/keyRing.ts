import { base64url, calculateJwkThumbprint, EncryptJWT, type JWTPayload, jwtDecrypt } from 'jose'
import { ServerAuthError, ServerErrorCode } from '../errors.ts'

/**
 * Encrypts and decrypts what the BFF keeps outside its memory (session cookies, login
 * transactions, session records in Redis) as JWTs in compact JWE: `dir` + `A256GCM`, so the
 * browser (or a Redis dump) can neither read nor alter them. Each value is bound to a purpose
 * through its audience, so one kind cannot be swapped in for another.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7516 JWE
 * @see https://www.rfc-editor.org/rfc/rfc7638 the key ids (JWK thumbprints)
 */
export interface KeyRing {
  /** Encrypts `payload` with the newest key; it stops opening after `expiresAt` (epoch ms). */
  seal(payload: JWTPayload, purpose: string, expiresAt: number): Promise<string>
  /** Decrypts with whichever configured key sealed it; undefined when tampered, expired, foreign or for another purpose. */
  open(sealed: string, purpose: string): Promise<JWTPayload | undefined>
}

/** What a key ring needs from its environment. */
export interface KeyRingDeps {
  /** Current time, epoch milliseconds. */
  readonly now: () => number
}

const keyBytes = 32

/**
 * Builds a key ring from base64url-encoded 256-bit secrets, newest first: the first encrypts, all
 * decrypt, so a new key can be rolled out while cookies sealed with the old ones keep working
 * until the old key is dropped. Each key is named in the JWE header by its RFC 7638 thumbprint.
 */
export function createKeyRing(secrets: readonly string[], deps: KeyRingDeps): KeyRing {
  if (secrets.length === 0) {
    throw new ServerAuthError(ServerErrorCode.InvalidConfig, 'At least one session key is required', {
      cause: { keys: 0 },
    })
  }
  const keys = secrets.map((secret, index) => decodeKey(secret, index))
  const named = Promise.all(
    keys.map(async (key) => ({ key, kid: await calculateJwkThumbprint({ kty: 'oct', k: base64url.encode(key) }) })),
  )

  return {
    async seal(payload, purpose, expiresAt) {
      const [newest] = await named
      if (!newest) throw new Error('unreachable: the key ring is never empty')
      return new EncryptJWT(payload)
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: newest.kid })
        .setAudience(purpose)
        .setIssuedAt(Math.floor(deps.now() / 1000))
        .setExpirationTime(Math.floor(expiresAt / 1000))
        .encrypt(newest.key)
    },
    async open(sealed, purpose) {
      const candidates = await named
      try {
        const { payload } = await jwtDecrypt(
          sealed,
          (header) => {
            const match = candidates.find((candidate) => candidate.kid === header.kid)
            if (!match) throw new Error('sealed with a key that is no longer configured')
            return match.key
          },
          {
            audience: purpose,
            currentDate: new Date(deps.now()),
            keyManagementAlgorithms: ['dir'],
            contentEncryptionAlgorithms: ['A256GCM'],
          },
        )
        return payload
      } catch {
        // Tampered, expired, or sealed with a retired key: to the caller all mean "no value".
        return undefined
      }
    },
  }
}

/**
 * A new random 256-bit key from the platform's CSPRNG, base64url-encoded (43 characters), for
 * `sessionKeys`. Keep it in your secret store: every instance of the BFF needs the same keys.
 *
 * @example
 * ```ts
 * // Once, when provisioning: store the output as BFF_SESSION_KEY in your secret store.
 * console.log(generateSessionKey())
 *
 * // At start-up, newest key first; the previous one keeps opening existing sessions.
 * createBff({
 *   ...options,
 *   sessionKeys: [process.env.BFF_SESSION_KEY!, process.env.BFF_SESSION_KEY_PREVIOUS!].filter(Boolean),
 * })
 * ```
 */
export function generateSessionKey(): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(keyBytes)))
}

function decodeKey(secret: string, index: number): Uint8Array {
  let key: Uint8Array | undefined
  try {
    key = base64url.decode(secret)
  } catch {
    key = undefined
  }
  if (key?.length !== keyBytes) {
    // Says which key is wrong, never what it holds.
    throw new ServerAuthError(
      ServerErrorCode.InvalidConfig,
      `Session key #${index + 1} must be ${keyBytes} random bytes, base64url-encoded (see generateSessionKey())`,
      { cause: { keyIndex: index } },
    )
  }
  return key
}
