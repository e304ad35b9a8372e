import { timingSafeEqual } from 'node:crypto'

/** A person who can sign in to the sandbox realm. Passwords are public: this is a sandbox. */
export interface DemoUser {
  readonly username: string
  readonly password: string
  readonly name: string
  readonly email: string
}

export const demoUsers: readonly DemoUser[] = [
  { username: 'alice', password: 'alice-pass', name: 'Alice Adler', email: 'alice@example.com' },
  { username: 'bob', password: 'bob-pass', name: 'Bob Brandt', email: 'bob@example.com' },
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
