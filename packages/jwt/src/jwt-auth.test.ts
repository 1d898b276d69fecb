import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CatalogError, defineCatalog, isCatalogError, renderError } from 'errcat';
import { exportJWK, exportSPKI, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwtAuth } from './jwt-auth.js';

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
