import { useEffect, useState } from 'react'
import { sandboxOrigin } from '../config.ts'

interface DemoUser {
  readonly username: string
  readonly password: string
  readonly name: string
  /** The wallet PIN, for SCA and the stronger sign-in. */
  readonly pin: string
}

/** Lists the local sandbox's users and passwords, read from the sandbox itself. */
export function DemoUsers() {
  const [users, setUsers] = useState<readonly DemoUser[]>()
  useEffect(() => {
    if (!sandboxOrigin) return
    const controller = new AbortController()
    fetch(`${sandboxOrigin}/demo-users`, { signal: controller.signal })
      .then((response) => (response.ok ? response.json() : undefined))
      .then(setUsers)
      .catch(() => {})
    return () => controller.abort()
  }, [])
  if (!users) return null
  return (
    <section className="card" aria-labelledby="demo-users">
      <h2 id="demo-users">Sandbox users</h2>
      <table className="stacked-table">
        <caption>Sign in with any of them on the sandbox's login page; the PIN confirms payments.</caption>
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Password</th>
            <th scope="col">Name</th>
            <th scope="col">PIN</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.username}>
              {/* data-label names the column when narrow screens stack each row into a card. */}
              <td data-label="Username">
                <code>{user.username}</code>
              </td>
              <td data-label="Password">
                <code>{user.password}</code>
              </td>
              <td data-label="Name">{user.name}</td>
              <td data-label="PIN">
                <code>{user.pin}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
