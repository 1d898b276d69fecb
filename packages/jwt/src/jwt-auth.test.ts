import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CatalogError, defineCatalog, isCatalogError, renderError } from 'errcat';
import fc from 'fast-check';
import { exportJWK, exportSPKI, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwtAuth, type JwtAuthOptions } from './jwt-auth.js';

const SECRET = 'a-shared-secret-of-at-least-32-bytes!';
const SUBJECT = 'user-7f3a-secret-subject';
const now = () => Math.floor(Date.now() / 1000);

async function hsToken(claims: { readonly [claim: string]: unknown } = {}, secret = SECRET): Promise<string> {
  const defaults = { scope: 'promises:read', sub: SUBJECT, iss: 'https://issuer.test', aud: 'promises-api' };
  return new SignJWT({ ...defaults, iat: now(), exp: now() + 300, ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(secret));
}

/** The rendered response of a rejected authentication: what a client would see. */
async function response(promise: Promise<unknown>): Promise<ReturnType<typeof renderError>> {
  try {
    await promise;
  } catch (error) {
    if (!isCatalogError(error)) throw error;
    return renderError(error as CatalogError);
  }
  throw new Error('expected a rejection');
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

const auth = createJwtAuth({
  secret: SECRET,
  issuer: 'https://issuer.test',
  audience: 'promises-api',
  realm: 'promises',
});

describe('createJwtAuth with a shared secret: the RELIABILITY S7 table', () => {
  it('returns the claims of a valid token', async () => {
    const claims = await auth.authenticate(bearer(await hsToken()), ['promises:read']);
    expect(claims.sub).toBe(SUBJECT);
  });

  it('maps each failure to its status, code and challenge, leaking nothing', async () => {
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({ sub: SUBJECT, aud: 'promises-api', iss: 'https://issuer.test' }),
    ).toString('base64url')}.`;
    const expired = await hsToken({ exp: now() - 60 });
    const rows: [string, Record<string, string | string[]>, number, string, string][] = [
      ['no header', {}, 401, 'UNAUTHENTICATED', 'Bearer realm="promises"'],
      [
        'other scheme',
        { authorization: 'Basic dXNlcjpwYXNz' },
        401,
        'UNAUTHENTICATED',
        'Bearer realm="promises"',
      ],
      [
        'no token',
        { authorization: 'Bearer' },
        400,
        'INVALID_AUTH_REQUEST',
        'Bearer realm="promises", error="invalid_request"',
      ],
      [
        'two headers',
        { authorization: ['Bearer first-token-value', 'Bearer second-token-value'] },
        400,
        'INVALID_AUTH_REQUEST',
        'Bearer realm="promises", error="invalid_request"',
      ],
      ['malformed', bearer('not-a-jwt'), 401, 'INVALID_TOKEN', ''],
      [
        'wrong signature',
        bearer(await hsToken({}, 'another-secret-of-at-least-32-bytes')),
        401,
        'INVALID_TOKEN',
        '',
      ],
      ['alg none', bearer(unsigned), 401, 'INVALID_TOKEN', ''],
      // Found by the cache's property test: jose threw a TypeError (a 500) for RS256 with a secret.
      [
        'alg RS256 with a secret',
        bearer(
          `${Buffer.from('{"alg":"RS256"}').toString('base64url')}${unsigned.slice(unsigned.indexOf('.'))}c2ln`,
        ),
        401,
        'INVALID_TOKEN',
        '',
      ],
      ['wrong audience', bearer(await hsToken({ aud: 'billing-api' })), 401, 'INVALID_TOKEN', ''],
      ['wrong issuer', bearer(await hsToken({ iss: 'https://evil.test' })), 401, 'INVALID_TOKEN', ''],
      ['nbf in the future', bearer(await hsToken({ nbf: now() + 3600 })), 401, 'INVALID_TOKEN', ''],
      ['no exp', bearer(await hsToken({ exp: undefined })), 401, 'INVALID_TOKEN', ''],
      ['iat in the future', bearer(await hsToken({ iat: now() + 3600 })), 401, 'INVALID_TOKEN', ''],
      [
        'expired',
        bearer(expired),
        401,
        'TOKEN_EXPIRED',
        'Bearer realm="promises", error="invalid_token", error_description="The access token expired"',
      ],
      // S8: forged and expired says nothing about expiry, since the signature is checked first.
      [
        'expired and forged',
        bearer(await hsToken({ exp: now() - 60 }, 'another-secret-of-at-least-32-bytes')),
        401,
        'INVALID_TOKEN',
        '',
      ],
    ];
    const invalid =
      'Bearer realm="promises", error="invalid_token", error_description="The access token is invalid"';
    for (const [name, headers, status, code, challenge] of rows) {
      const rendered = await response(auth.authenticate(headers));
      const body = JSON.parse(rendered.body);
      expect([name, rendered.status, body.code, rendered.headers['www-authenticate']]).toEqual([
        name,
        status,
        code,
        challenge || invalid,
      ]);
      const token =
        (Array.isArray(headers.authorization) ? headers.authorization[0] : headers.authorization) ?? '';
      const secretBits = [
        SUBJECT,
        token.slice(7) || SUBJECT,
        'signature verification',
        'claim',
        '"exp"',
        'aud',
      ];
      for (const secret of secretBits) expect(rendered.body, `${name} leaks ${secret}`).not.toContain(secret);
    }
  });

  it('tolerates the configured clock skew', async () => {
    const lenient = createJwtAuth({ secret: SECRET, clockTolerance: 120 });
    const claims = await lenient.verify(await hsToken({ exp: now() - 60 }));
    expect(claims.sub).toBe(SUBJECT);
  });

  it('accepts a token without exp only when told to, and never one issued in the future', async () => {
    const noExpiry = createJwtAuth({ secret: SECRET, requireExpiry: false, clockTolerance: 120 });
    expect((await noExpiry.verify(await hsToken({ exp: undefined }))).sub).toBe(SUBJECT);
    expect((await noExpiry.verify(await hsToken({ iat: now() + 60 }))).sub).toBe(SUBJECT);
    const future = await response(noExpiry.verify(await hsToken({ iat: now() + 600 })));
    expect(JSON.parse(future.body).code).toBe('INVALID_TOKEN');
  });

  it('refuses a token older than maxTokenAge as expired, and one without iat as invalid', async () => {
    const fresh = createJwtAuth({ secret: SECRET, maxTokenAge: 60 });
    expect((await fresh.verify(await hsToken({ iat: now() - 30 }))).sub).toBe(SUBJECT);
    const old = await response(fresh.verify(await hsToken({ iat: now() - 600 })));
    expect([old.status, JSON.parse(old.body).code]).toEqual([401, 'TOKEN_EXPIRED']);
    const undated = await response(fresh.verify(await hsToken({ iat: undefined })));
    expect([undated.status, JSON.parse(undated.body).code]).toEqual([401, 'INVALID_TOKEN']);
  });

  it('answers 403 with the missing scopes, from the options and the call', async () => {
    const scoped = createJwtAuth({ secret: SECRET, scopes: ['promises:read'], scopeClaim: 'scp' });
    const rendered = await response(
      scoped.authenticate(bearer(await hsToken({ scp: ['promises:read'] })), ['promises:write', 'admin']),
    );
    expect(rendered.status).toBe(403);
    expect(JSON.parse(rendered.body).details).toEqual({ missing: ['promises:write', 'admin'] });
    expect(rendered.headers['www-authenticate']).toBe(
      'Bearer error="insufficient_scope", scope="promises:read promises:write admin"',
    );
  });

  it('speaks the user’s codes through roles', async () => {
    const catalog = defineCatalog({
      domain: 'auth.example.com',
      errors: {
        AUTH_401: { code: 'AUTH-401', status: 401, message: 'Authentication failed', role: 'INVALID_TOKEN' },
      },
    });
    const own = createJwtAuth({ secret: SECRET, catalog });
    const rendered = await response(own.authenticate(bearer('x.y.z')));
    expect(JSON.parse(rendered.body).code).toBe('AUTH-401');
    expect(rendered.headers['www-authenticate']).toContain('error="invalid_token"');
  });

  it('refuses ambiguous or incomplete key options at creation', () => {
    expect(() => createJwtAuth({})).toThrow(/exactly one/);
    expect(() => createJwtAuth({ secret: SECRET, jwksUrl: 'http://127.0.0.1:1/jwks' })).toThrow(
      /exactly one/,
    );
    expect(() => createJwtAuth({ secret: '' })).toThrow(/empty/);
    expect(() => createJwtAuth({ publicKey: '-----BEGIN PUBLIC KEY-----' })).toThrow(/algorithms/);
    for (const tokenCacheSize of [-1, 1.5, Number.NaN]) {
      expect(() => createJwtAuth({ secret: SECRET, tokenCacheSize })).toThrow(/tokenCacheSize/);
    }
  });
});

describe('createJwtAuth with public keys', () => {
  let rsa: CryptoKeyPair;
  let server: Server;
  let hangingServer: Server;
  let jwksHits = 0;
  let base = '';
  let hangingUrl = '';

  const rsToken = (claims: JWTPayload = {}, kid = 'k1') =>
    new SignJWT({ scope: 'promises:read', sub: SUBJECT, exp: now() + 300, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid })
      .sign(rsa.privateKey);

  beforeAll(async () => {
    rsa = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(rsa.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((req, res) => {
      jwksHits++;
      if (req.url === '/garbage') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"keys": 42}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    });
    // Accepts connections and never answers: a JWKS endpoint that hangs.
    hangingServer = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => hangingServer.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    hangingUrl = `http://127.0.0.1:${(hangingServer.address() as AddressInfo).port}/jwks`;
  });

  afterAll(async () => {
    hangingServer.closeAllConnections();
    await new Promise((resolve) => hangingServer.close(resolve));
    await new Promise((resolve) => server.close(resolve));
  });

  it('verifies with a PEM public key', async () => {
    const pem = createJwtAuth({ publicKey: await exportSPKI(rsa.publicKey), algorithms: ['RS256'] });
    expect((await pem.verify(await rsToken())).sub).toBe(SUBJECT);
    const rendered = await response(pem.verify(await hsToken()));
    expect(JSON.parse(rendered.body).code).toBe('INVALID_TOKEN');
  });

  it('fetches a remote JWKS once and serves later requests from its cache', async () => {
    const remote = createJwtAuth({ jwksUrl: `${base}/jwks` });
    const before = jwksHits;
    for (let i = 0; i < 5; i++)
      expect((await remote.authenticate(bearer(await rsToken()))).sub).toBe(SUBJECT);
    expect(jwksHits - before).toBe(1);
    // An unknown kid within the cooldown is a token problem, not a reason to refetch.
    const rendered = await response(remote.authenticate(bearer(await rsToken({}, 'unknown-kid'))));
    expect([rendered.status, JSON.parse(rendered.body).code]).toEqual([401, 'INVALID_TOKEN']);
  });

  it('answers 503 with Retry-After when the JWKS times out, is garbage, or is unreachable', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const port = (probe.address() as AddressInfo).port;
        probe.close(() => resolve(port));
      });
    });
    for (const jwksUrl of [hangingUrl, `${base}/garbage`, `http://127.0.0.1:${closedPort}/jwks`]) {
      const remote = createJwtAuth({ jwksUrl, jwks: { timeoutDuration: 200 } });
      const rendered = await response(remote.authenticate(bearer(await rsToken())));
      expect([
        jwksUrl,
        rendered.status,
        JSON.parse(rendered.body).code,
        rendered.headers['retry-after'],
      ]).toEqual([jwksUrl, 503, 'AUTH_UNAVAILABLE', '5']);
      expect(rendered.headers['www-authenticate']).toBeUndefined();
      expect(rendered.body).not.toContain('127.0.0.1');
    }
  });
});

describe('createJwtAuth: the verified-token cache', () => {
  const T0 = 1_700_000_000;
  /** A verifier on a clock the test moves, in epoch seconds. */
  function clocked(options: Partial<JwtAuthOptions> = {}) {
    const clock = { seconds: T0 };
    const verifier = createJwtAuth({
      secret: SECRET,
      audience: 'promises-api',
      now: () => clock.seconds * 1000,
      ...options,
    });
    return { clock, verifier };
  }
  /** A token issued at T0, valid for 5 minutes unless the claims say otherwise. */
  const signed = (claims: { readonly [claim: string]: unknown }, secret = SECRET) =>
    hsToken({ iat: T0, exp: T0 + 300, ...claims }, secret);
  /** What a client would learn from one verification: the claims, or the error code. */
  const outcome = (promise: Promise<JWTPayload>) =>
    promise.then(
      (claims) => ({ claims: JSON.stringify(claims) }),
      async (error: unknown) => ({ code: JSON.parse((await response(Promise.reject(error))).body).code }),
    );

  it('answers a token sent again with the same, frozen claims', async () => {
    const { verifier } = clocked();
    const token = await signed({ scope: ['promises:read'] });
    const first = await verifier.verify(token);
    expect(await verifier.verify(token)).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.scope)).toBe(true);
    const uncached = clocked({ tokenCacheSize: 0 }).verifier;
    const fresh = await uncached.verify(token);
    expect(await uncached.verify(token)).not.toBe(fresh);
    expect(fresh).toEqual(first);
  });

  it('refuses a cached token once it expires, as a fresh verification does', async () => {
    const { clock, verifier } = clocked({ clockTolerance: 10 });
    const token = await signed({ exp: T0 + 60 });
    await verifier.verify(token);
    clock.seconds = T0 + 69;
    expect((await verifier.verify(token)).sub).toBe(SUBJECT);
    clock.seconds = T0 + 70;
    expect(await outcome(verifier.verify(token))).toEqual({ code: 'TOKEN_EXPIRED' });
  });

  it('refuses a cached token older than maxTokenAge', async () => {
    const { clock, verifier } = clocked({ maxTokenAge: 120 });
    const token = await signed({ exp: T0 + 3600 });
    await verifier.verify(token);
    clock.seconds = T0 + 121;
    expect(await outcome(verifier.verify(token))).toEqual({ code: 'TOKEN_EXPIRED' });
  });

  it('forgets the least recently used token beyond tokenCacheSize', async () => {
    const { verifier } = clocked({ tokenCacheSize: 2 });
    const [t1, t2, t3] = await Promise.all([signed({ n: 1 }), signed({ n: 2 }), signed({ n: 3 })]);
    const first = await verifier.verify(t1 as string);
    await verifier.verify(t2 as string);
    await verifier.verify(t3 as string);
    expect(await verifier.verify(t1 as string)).not.toBe(first);
  });

  it('never serves a tampered or forged token from the cache', async () => {
    const { verifier } = clocked();
    const token = await signed({ scope: 'promises:read' });
    await verifier.verify(token);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const widened = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), scope: 'admin' }),
    ).toString('base64url');
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    const forgeries = [
      `${header}.${widened}.${signature}`,
      `${header}.${payload}.${flipped}`,
      `${header}.${payload}.`,
      await signed({ scope: 'promises:read' }, 'another-secret-of-at-least-32-bytes'),
    ];
    for (const forged of forgeries)
      expect(await outcome(verifier.verify(forged))).toEqual({ code: 'INVALID_TOKEN' });
  });

  it('gives the answer a fresh verification gives, over mutated tokens and clocks (fast-check)', async () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    const mutation = fc.oneof(
      { arbitrary: fc.constant((token: string) => token), weight: 3 },
      fc.tuple(fc.nat(), fc.constantFrom(...alphabet)).map(
        ([at, char]) =>
          (token: string) =>
            `${token.slice(0, at % token.length)}${char}${token.slice((at % token.length) + 1)}`,
      ),
      fc.nat().map((at) => (token: string) => token.slice(0, at % token.length)),
      fc.constant((token: string) => token.split('.').reverse().join('.')),
    );
    // When a request comes: near a claim's edge (each edge, give or take the clock tolerance), or anywhere.
    const moment = fc.oneof(
      fc.tuple(
        fc.constantFrom('exp', 'nbf', 'iat', 'age'),
        fc
          .tuple(fc.constantFrom(-31, -30, -29, -1, 0, 1, 29, 30, 31), fc.integer({ min: 0, max: 999 }))
          .map(([seconds, ms]) => seconds + ms / 1000),
      ),
      fc.tuple(fc.constant('iat'), fc.integer({ min: -300, max: 600 })),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          // Mostly valid when issued (at T0), so that the cache holds the token most of the time.
          exp: fc.option(fc.integer({ min: -20, max: 400 }), { nil: undefined }),
          nbf: fc.option(fc.integer({ min: -100, max: 20 }), { nil: undefined }),
          iat: fc.option(fc.integer({ min: -150, max: 20 }), { nil: undefined }),
        }),
        fc.record({
          clockTolerance: fc.constantFrom(0, 30),
          maxTokenAge: fc.constantFrom(undefined, 120),
          requireExpiry: fc.boolean(),
        }),
        fc.array(fc.tuple(mutation, moment), { minLength: 1, maxLength: 6 }),
        async (offsets, rules, steps) => {
          const claims: { [claim in 'exp' | 'nbf' | 'iat']: number | undefined } = {
            exp: offsets.exp === undefined ? undefined : T0 + offsets.exp,
            nbf: offsets.nbf === undefined ? undefined : T0 + offsets.nbf,
            iat: offsets.iat === undefined ? undefined : T0 + offsets.iat,
          };
          const token = await signed(claims);
          const options = {
            clockTolerance: rules.clockTolerance,
            requireExpiry: rules.requireExpiry,
            ...(rules.maxTokenAge !== undefined && { maxTokenAge: rules.maxTokenAge }),
          };
          const cached = clocked(options);
          const fresh = clocked({ ...options, tokenCacheSize: 0 });
          for (const [mutate, [anchor, offset]] of steps) {
            const sent = mutate(token);
            const base = anchor === 'age' ? (claims.iat ?? T0) + 120 : (claims[anchor] ?? T0);
            // The genuine token, verified when it was issued, is in the cache if it was valid then.
            cached.clock.seconds = T0;
            await outcome(cached.verifier.verify(token));
            cached.clock.seconds = fresh.clock.seconds = base + offset;
            const expected = await outcome(fresh.verifier.verify(sent));
            // Twice: the second may be answered from the cache.
            expect(await outcome(cached.verifier.verify(sent))).toEqual(expected);
            expect(await outcome(cached.verifier.verify(sent))).toEqual(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
