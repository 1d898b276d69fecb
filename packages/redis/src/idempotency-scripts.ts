import { type RedisScript, script } from './internal/redis-script.js';

/*
 * An idempotency record is one hash, expiring with its lease (running) or its TTL (completed):
 * `t` the holder's token (running only), `f` the fingerprint, and once completed `s` the status,
 * `h` the headers as JSON and `b` the body bytes. Redis runs each script atomically, and its key
 * expiry makes a lapsed record vanish, so "live" is simply "exists".
 */

/**
 * Claims KEYS[1] for token ARGV[1], fingerprint ARGV[2], lease ARGV[3] ms when it does not exist.
 * Returns 1 when claimed, else the live record as `[f, s, h, b]` (nil fields while running).
 */
export const CLAIM_SCRIPT: RedisScript = script(`
if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.call('HMGET', KEYS[1], 'f', 's', 'h', 'b')
end
redis.call('HSET', KEYS[1], 't', ARGV[1], 'f', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
`);

/** Extends the lease of KEYS[1] to ARGV[2] ms when token ARGV[1] holds it; 1 or 0. */
export const RENEW_SCRIPT: RedisScript = script(`
if redis.call('HGET', KEYS[1], 't') ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`);

/**
 * Completes KEYS[1] when token ARGV[1] holds it: status ARGV[2], headers ARGV[3], body ARGV[4],
 * kept ARGV[5] ms. The token is dropped, so the record can be neither renewed nor released. 1 or 0.
 */
export const COMPLETE_SCRIPT: RedisScript = script(`
if redis.call('HGET', KEYS[1], 't') ~= ARGV[1] then return 0 end
redis.call('HDEL', KEYS[1], 't')
redis.call('HSET', KEYS[1], 's', ARGV[2], 'h', ARGV[3], 'b', ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1
`);

/** Deletes KEYS[1] when token ARGV[1] holds it; 1 or 0. */
export const RELEASE_SCRIPT: RedisScript = script(`
if redis.call('HGET', KEYS[1], 't') ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1
`);
