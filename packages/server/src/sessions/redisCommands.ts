/**
 * The few Redis commands the Redis session store uses, shaped like node-redis (`redis` 6.x): a
 * client from `createClient()` fits as it is. For another client, adapt these four methods.
 */
export interface RedisCommands {
  /** `GET key`: the value, or null. */
  get(key: string): Promise<string | null>
  /** `SET key value PX ms [NX]`: `OK`, or null when NX found the key taken. */
  set(
    key: string,
    value: string,
    options: { expiration: { type: 'PX'; value: number }; condition?: 'NX' },
  ): Promise<unknown>
  /** `DEL key` */
  del(key: string): Promise<unknown>
  /** `EVAL script numkeys key... arg...` */
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>
}
