import { createHash } from 'node:crypto';

/** A Lua script and the SHA-1 that `EVALSHA` names it by. */
export interface RedisScript {
  readonly source: string;
  readonly sha: string;
}

/** Names a Lua script by its SHA-1. */
export function script(source: string): RedisScript {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}
