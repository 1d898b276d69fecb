/**
 * `npm start`: the promises service on embedded defaults — an SQLite file, rate limits and
 * idempotency keys in memory — so nothing else needs installing. Prints its URL and two bearer
 * tokens to try it with.
 *
 *   --profile <name>   the wire format (resonate-legacy, resonate, problem, google, jsonapi, simple…)
 *   PORT, HOST         where to listen (3000, 127.0.0.1)
 *   DATABASE_URL       postgres://… for PostgreSQL; a file path or file:…?mode=ro for SQLite
 *   REDIS_URL          redis://… to keep rate limits (and idempotency records) in Redis
 *   JWT_SECRET         the HS256 token secret (default: a random one per start)
 *   MAX_CONCURRENT, MAX_QUEUE   the load-shedding limits (256, 256)
 *   RATE_LIMIT         requests per token subject, as <limit>/<seconds> (3000/60, bursts of 500)
 */
import { randomBytes } from 'node:crypto';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { builtinProfiles } from 'errcat';
import { DEFAULT_DATABASE, startService } from './service.js';
import { ALL_SCOPES, signToken } from './tokens.js';

function fail(message: string): never {
  console.error(`promises: ${message}`);
  process.exit(2);
}

function positiveInt(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) fail(`${name} must be a whole number, got '${text}'`);
  return value;
}

const { values } = (() => {
  try {
    return parseArgs({ options: { profile: { type: 'string' }, help: { type: 'boolean' } } });
  } catch (error) {
    return fail((error as Error).message);
  }
})();
if (values.help) {
  console.log(
    'usage: npm start [-- --profile <name>]   (environment: PORT, HOST, DATABASE_URL, REDIS_URL, JWT_SECRET)',
  );
  process.exit(0);
}
const profile = values.profile ?? process.env.PROFILE;
if (profile !== undefined && !Object.hasOwn(builtinProfiles, profile)) {
  fail(`unknown profile '${profile}'; choose one of ${Object.keys(builtinProfiles).join(', ')}`);
}
/** `RATE_LIMIT=<limit>/<seconds>`: the `user` policy, with bursts up to the limit. */
function userLimit(): { limit: number; window: number; key: 'user' } | undefined {
  const text = process.env.RATE_LIMIT;
  if (text === undefined || text === '') return undefined;
  const match = /^([1-9][0-9]{0,8})\/([1-9][0-9]{0,6})$/.exec(text);
  if (!match) fail(`RATE_LIMIT must be <limit>/<seconds>, such as 100/60; got '${text}'`);
  return { limit: Number(match[1]), window: Number(match[2]), key: 'user' };
}

const port = positiveInt('PORT') ?? 3000;
const user = userLimit();
const maxConcurrent = positiveInt('MAX_CONCURRENT');
const maxQueue = positiveInt('MAX_QUEUE');
const jwtSecret = process.env.JWT_SECRET || randomBytes(32).toString('base64url');
const database = process.env.DATABASE_URL || undefined;

const service = await startService({
  port,
  host: process.env.HOST || '127.0.0.1',
  jwtSecret,
  handleSignals: true,
  ...(profile === undefined ? {} : { profile }),
  ...(database === undefined ? {} : { database }),
  ...(process.env.REDIS_URL ? { redis: process.env.REDIS_URL } : {}),
  ...(maxConcurrent === undefined ? {} : { maxConcurrent }),
  ...(maxQueue === undefined ? {} : { maxQueue }),
  ...(user === undefined ? {} : { rateLimits: { user } }),
}).catch((error: unknown) => fail(`cannot start: ${(error as Error).message}`));

const storage =
  service.database === 'postgres'
    ? 'PostgreSQL'
    : `SQLite ${database ?? relative(process.cwd(), DEFAULT_DATABASE)}`;
const [token, readToken] = await Promise.all([
  signToken({ secret: jwtSecret, subject: 'dev' }),
  signToken({ secret: jwtSecret, subject: 'reader', scopes: ['promises:read'] }),
]);
console.log(`errcat promises service listening on ${service.url}/`);
console.log(
  `  ${storage}; rate limits ${service.redis ? 'in Redis' : 'in memory'}; wire profile ${profile ?? service.catalog.spec.profile}`,
);
console.log(`  error dictionary: ${service.url}/errors   OpenAPI: ${service.url}/openapi.json`);
console.log(`  export TOKEN=${token}   # ${ALL_SCOPES.join(' ')}, valid 24 h`);
console.log(`  export READ_TOKEN=${readToken}   # promises:read only`);
