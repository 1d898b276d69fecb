import { type RedisScript, script } from './internal/redis-script.js';

/*
 * The rate-limit decisions as Lua scripts, so that Redis runs each atomically: one round trip per
 * decision and no read-modify-write on the client. They mirror `slidingWindowStep` and `gcraStep`
 * of errcat's core, in whole microseconds. `%.0f` writes a time as an exact integer; Lua's default
 * number formatting keeps only 14 digits. Both return `{allowed (0/1), remaining, retryAfterMs,
 * resetMs}`.
 */

/**
 * The clock: ARGV[3] when the store was given one (tests), else Redis's own `TIME`, which every
 * process sharing the Redis agrees on.
 */
const NOW = `
local now = tonumber(ARGV[3])
if now == nil then
  local clock = redis.call('TIME')
  now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
end`;

/**
 * Reads KEYS[1] with `command` as `first`, a number or nil. A key the other algorithm left (its
 * policy changed) fails with WRONGTYPE: it is dropped and counts as a fresh key. Catching the error
 * costs nothing on the usual path, where a TYPE check would cost a command per decision.
 */
function readOwn(command: string): string {
  return `
local first = redis.pcall(${command})
if type(first) == 'table' and first.err then
  redis.call('DEL', KEYS[1])
  first = false
end
first = tonumber(first)`;
}

/**
 * The sliding window: KEYS[1] is a list of admission times, oldest first; ARGV[1] the limit,
 * ARGV[2] the window in microseconds. The key expires one window after its newest admission,
 * when every time in it has left the window.
 */
export const SLIDING_WINDOW_SCRIPT: RedisScript = script(`
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
${NOW}
${readOwn("'LINDEX', KEYS[1], -1")}
local newest = first
if newest ~= nil and newest > now then now = newest end
local since = now - window
local oldest = tonumber(redis.call('LINDEX', KEYS[1], 0))
while oldest ~= nil and oldest <= since do
  redis.call('LPOP', KEYS[1])
  oldest = tonumber(redis.call('LINDEX', KEYS[1], 0))
end
local count = redis.call('LLEN', KEYS[1])
if count >= limit then
  local leaves = tonumber(redis.call('LINDEX', KEYS[1], count - limit)) + window
  local retry = math.ceil((leaves - now) / 1000)
  return {0, 0, retry, retry}
end
redis.call('RPUSH', KEYS[1], string.format('%.0f', now))
redis.call('PEXPIRE', KEYS[1], math.ceil(window / 1000))
local first = oldest or now
return {1, limit - count - 1, 0, math.ceil((first + window - now) / 1000)}
`);

/**
 * GCRA: KEYS[1] holds the theoretical arrival time; ARGV[1] is the emission interval in
 * microseconds, ARGV[2] the burst. The key expires when its bucket is full again.
 */
export const GCRA_SCRIPT: RedisScript = script(`
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
${NOW}
${readOwn("'GET', KEYS[1]")}
local tat = first
if tat == nil or tat < now then tat = now end
local tolerance = interval * burst
local ahead = tat + interval - now
if ahead > tolerance then
  local retry = math.ceil((ahead - tolerance) / 1000)
  return {0, 0, retry, retry}
end
redis.call('SET', KEYS[1], string.format('%.0f', now + ahead), 'PX', math.ceil(ahead / 1000))
local slack = tolerance - ahead
return {1, math.floor(slack / interval), 0, math.ceil((interval - slack % interval) / 1000)}
`);
