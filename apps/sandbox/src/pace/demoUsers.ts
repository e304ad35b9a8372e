import { timingSafeEqual } from 'node:crypto'

/** A person who can sign in to the sandbox realm. Passwords are public: this is a sandbox. */
export interface DemoUser {
  readonly username: string
  readonly password: string
  readonly name: string
  readonly email: string
  /** The wallet PIN the partner checks for SCA. */
  readonly pin: string
  /** Where one-time codes are "sent" (into the sandbox's SMS outbox). */
  readonly phone: string
}

export const demoUsers: readonly DemoUser[] = [
  {
    username: 'alice',
    password: 'alice-pass',
    name: 'Alice Adler',
    email: 'alice@example.com',
    pin: '1234',
    phone: '+44 7700 900123',
  },
  {
    username: 'bob',
    password: 'bob-pass',
    name: 'Bob Brandt',
    email: 'bob@example.com',
    pin: '5678',
    phone: '+44 7700 900456',
  },
]

export function findDemoUser(username: string): DemoUser | undefined {
  return demoUsers.find((user) => user.username === username)
}

/** Compares in constant time so the sandbox does not teach timing attacks by example. */
export function checkPassword(user: DemoUser, password: string): boolean {
  const expected = Buffer.from(user.password)
  const given = Buffer.from(password)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

export function checkPin(user: DemoUser, pin: string): boolean {
  const expected = Buffer.from(user.pin)
  const given = Buffer.from(pin)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/** How the wallet shows a phone number in a challenge: country code and last three digits. */
export function maskedPhone(user: DemoUser): string {
  return `${user.phone.split(' ')[0]} ••• ${user.phone.slice(-3)}`
}
