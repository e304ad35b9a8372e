import { useEffect, useState } from 'react'
import { sandboxOrigin } from '../config.ts'

interface DemoUser {
  readonly username: string
  readonly password: string
  readonly name: string
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
      <table>
        <thead>
          <tr>
            <th>Username</th>
            <th>Password</th>
            <th>Name</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.username}>
              <td>
                <code>{user.username}</code>
              </td>
              <td>
                <code>{user.password}</code>
              </td>
              <td>{user.name}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
