/**
 * Runs tasks one at a time, in call order: a value spread over several entries must never be read
 * while it is half written, nor the index updated by two writes at once. A failed task does not
 * stop the ones behind it.
 */
export function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve()
  return (task) => {
    const result = tail.then(task, task)
    tail = result.catch(() => undefined)
    return result
  }
}
