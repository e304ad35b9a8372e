import type { ScaDetails, ScaVerification } from '../challenge.ts'
import { type AuthError, authError } from '../errors.ts'
import { isScaId, scaAuthenticationModes, scaChannels, scaMethods } from './scaVocabulary.ts'

/**
 * Finds the `SCA` challenge in a `WWW-Authenticate` header and decodes its details. Tolerant of
 * form (parameters separated by commas or spaces, quoted or bare values, base64 or base64url,
 * other challenges around it); strict about content: anything missing or malformed in
 * `scaDetails` is an `invalid_sca_challenge` error, never a crash or a half-filled challenge.
 * Returns undefined when the header has no SCA challenge.
 */
export function parseScaChallenge(header: string): ScaDetails | undefined {
  const challenge = parseChallenges(header).find((candidate) => candidate.scheme === 'sca')
  if (!challenge) return undefined
  // RFC 9110 §11.2: a parameter occurs once per challenge; with two, which one counts is anyone's guess.
  if (challenge.repeated) throw invalid('A parameter of the SCA challenge occurs twice', header)
  const encoded = challenge.params.get('auth-param1') ?? [...challenge.params].find(([name]) => name !== 'realm')?.[1]
  if (encoded === undefined) throw invalid('The SCA challenge carries no details', header)
  return toScaDetails(decodeJson(encoded, header), challenge.params.get('realm'), header)
}

interface Challenge {
  readonly scheme: string
  readonly params: Map<string, string>
  repeated: boolean
}

const tokenChar = /[A-Za-z0-9!#$%&'*+\-.^_`|~]/
const valueChar = /[^\s,"]/

/** RFC 9110 §11.6.1 challenges, read leniently: a bare token starts a new challenge. */
function parseChallenges(header: string): Challenge[] {
  const challenges: Challenge[] = []
  let current: Challenge | undefined
  let at = 0
  const skipSeparators = () => {
    while (at < header.length && /[\s,]/.test(header[at] ?? '')) at++
  }
  const readWhile = (pattern: RegExp) => {
    const start = at
    while (at < header.length && pattern.test(header[at] ?? '')) at++
    return header.slice(start, at)
  }
  for (skipSeparators(); at < header.length; skipSeparators()) {
    const token = readWhile(tokenChar)
    if (!token) {
      // Not a token: skip one character so malformed input always ends.
      at++
      continue
    }
    const afterToken = at
    while (at < header.length && /\s/.test(header[at] ?? '')) at++
    if (header[at] === '=' && current) {
      at++
      while (at < header.length && /\s/.test(header[at] ?? '')) at++
      const name = token.toLowerCase()
      if (current.params.has(name)) current.repeated = true
      current.params.set(name, header[at] === '"' ? readQuoted() : readWhile(valueChar))
      continue
    }
    at = afterToken
    current = { scheme: token.toLowerCase(), params: new Map(), repeated: false }
    challenges.push(current)
  }
  return challenges

  function readQuoted(): string {
    at++
    let value = ''
    while (at < header.length && header[at] !== '"') {
      if (header[at] === '\\' && at + 1 < header.length) at++
      value += header[at]
      at++
    }
    // RFC 9110 §5.6.4: a quoted string ends with a quote; a cut-off header is malformed, not closed.
    if (at >= header.length) throw invalid('A quoted value in the challenge has no closing quote', header)
    at++
    return value
  }
}

function decodeJson(encoded: string, header: string): unknown {
  const base64 = encoded.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '')
  if (!/^[A-Za-z0-9+/]*$/.test(base64) || base64.length % 4 === 1) {
    throw invalid('The SCA details are not base64', header)
  }
  let text: string
  try {
    const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='))
    text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)))
  } catch (error) {
    throw invalid('The SCA details are not base64-encoded UTF-8', header, error)
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw invalid('The SCA details are not JSON', header, error)
  }
}

function toScaDetails(json: unknown, realm: string | undefined, header: string): ScaDetails {
  const details = isRecord(json) ? json.scaDetails : undefined
  if (!isRecord(details)) throw invalid('The SCA challenge has no scaDetails object', header)
  const { eventId, walletOperationId, authenticationMode, availableVerifications, creationTime, expirationTime } =
    details
  if (!isScaId(eventId)) throw invalid('scaDetails.eventId is missing or not an identifier', header)
  if (!isScaId(walletOperationId)) throw invalid('scaDetails.walletOperationId is missing or not an identifier', header)
  if (!scaAuthenticationModes.includes(authenticationMode as never)) {
    throw invalid('scaDetails.authenticationMode is not OUTSOURCED, EMBEDDED or HYBRID', header)
  }
  if (!Array.isArray(availableVerifications)) throw invalid('scaDetails.availableVerifications is not a list', header)
  const createdAt = isText(creationTime) ? Date.parse(creationTime) : Number.NaN
  const expiresAt = isText(expirationTime) ? Date.parse(expirationTime) : Number.NaN
  if (Number.isNaN(createdAt) || Number.isNaN(expiresAt) || expiresAt <= createdAt) {
    throw invalid('scaDetails has no valid creationTime and expirationTime', header)
  }
  return {
    eventId,
    walletOperationId,
    authenticationMode: authenticationMode as ScaDetails['authenticationMode'],
    availableVerifications: availableVerifications.map((entry: unknown) => toVerification(entry, header)),
    createdAt,
    expiresAt,
    realm,
  }
}

function toVerification(entry: unknown, header: string): ScaVerification {
  if (!isRecord(entry) || !scaMethods.includes(entry.method as never)) {
    throw invalid('An available verification has no known method', header)
  }
  if (entry.channel !== undefined && !scaChannels.includes(entry.channel as never)) {
    throw invalid('An available verification has an unknown channel', header)
  }
  if (entry.target !== undefined && typeof entry.target !== 'string') {
    throw invalid('An available verification has a target that is not text', header)
  }
  return {
    method: entry.method as ScaVerification['method'],
    ...(entry.channel !== undefined ? { channel: entry.channel as NonNullable<ScaVerification['channel']> } : {}),
    ...(typeof entry.target === 'string' ? { target: entry.target } : {}),
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0
}

/** Not the header itself: its other challenges may repeat the token the request carried. */
function invalid(message: string, header: string, cause?: unknown): AuthError {
  return authError('invalid_sca_challenge', message, cause ?? { headerLength: header.length })
}
