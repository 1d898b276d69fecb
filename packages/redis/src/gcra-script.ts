import { createHash } from 'node:crypto';

/**
 * The GCRA decision as one Lua script, so that Redis runs it atomically: one round trip per
 * decision and no read-modify-write on the client. It mirrors `gcraStep` of errcat's core, in
 * whole microseconds on Redis's own clock (`TIME`), so that every process sharing the Redis
 * agrees on the time. `%.0f` writes the arrival time as an exact integer; Lua's default number
 * formatting keeps only 14 digits.
 *
 * KEYS[1] is the bucket; ARGV[1] the emission interval in microseconds; ARGV[2] the burst.
 * Returns `{allowed (0/1), remaining, retryAfterMs, resetMs}`.
 */
export const GCRA_SCRIPT = `
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local tat = tonumber(redis.call('GET', KEYS[1]))
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
`;

/** The SHA-1 that `EVALSHA` names the script by. */
export const GCRA_SCRIPT_SHA: string = createHash('sha1').update(GCRA_SCRIPT).digest('hex');
