import { describe, expect, it } from 'vitest';
import { defineCatalog } from '../../define-catalog.js';
import { renderError } from '../../render/render-error.js';
import {
  authUnavailable,
  forbidden,
  insufficientScope,
  invalidAuthRequest,
  invalidCredentials,
  invalidToken,
  tokenExpired,
  unauthenticated,
} from './auth-errors.js';
import { readBearerToken } from './bearer-token.js';
import { grantedScopes, requireRoles, requireScopes } from './require-scopes.js';

const catalog = defineCatalog({
  domain: 'seed004.example.com',
  errors: {
    UNAUTHORIZED: {
      code: 'unauthorized',
      status: 401,
      message: 'No authentication provided',
      role: 'UNAUTHENTICATED',
    },
    TOKEN_EXPIRED: { code: 'token_expired', status: 401, message: 'Token expired', role: 'TOKEN_EXPIRED' },
  },
});

function caught(run: () => unknown): ReturnType<typeof renderError> {
  try {
    run();
  } catch (error) {
    return renderError(error as never);
  }
  throw new Error('expected a throw');
}

describe('auth errors', () => {
  it('send the RFC 6750 status and challenge for each failure', () => {
    const cases = [
      [unauthenticated({ realm: 'api' }), 401, 'UNAUTHENTICATED', 'Bearer realm="api"'],
      [
        invalidAuthRequest({ realm: 'api' }),
        400,
        'INVALID_AUTH_REQUEST',
        'Bearer realm="api", error="invalid_request"',
      ],
      [
        invalidToken({ realm: 'api' }),
        401,
        'INVALID_TOKEN',
        'Bearer realm="api", error="invalid_token", error_description="The access token is invalid"',
      ],
      [
        tokenExpired(),
        401,
        'TOKEN_EXPIRED',
        'Bearer error="invalid_token", error_description="The access token expired"',
      ],
      [
        insufficientScope(['a', 'b'], ['b'], { realm: 'api' }),
        403,
        'INSUFFICIENT_SCOPE',
        'Bearer realm="api", error="insufficient_scope", scope="a b"',
      ],
      [
        invalidCredentials({ challenge: 'ApiKey header="x-api-key"' }),
        401,
        'INVALID_CREDENTIALS',
        'ApiKey header="x-api-key"',
      ],
    ] as const;
    for (const [error, status, code, challenge] of cases) {
      const rendered = renderError(error);
      expect([rendered.status, JSON.parse(rendered.body).code, rendered.headers['www-authenticate']]).toEqual(
        [status, code, challenge],
      );
    }
    expect(JSON.parse(renderError(insufficientScope(['a', 'b'], ['b'])).body).details).toEqual({
      missing: ['b'],
    });
    expect(renderError(invalidCredentials()).headers['www-authenticate']).toBeUndefined();
    const unavailable = renderError(authUnavailable({ cause: new Error('ECONNREFUSED 10.0.0.1') }));
    expect([unavailable.status, unavailable.headers['retry-after']]).toEqual([503, '5']);
    expect(unavailable.body).not.toContain('ECONNREFUSED');
    expect(JSON.parse(renderError(forbidden(['admin'])).body).details).toEqual({ missing: ['admin'] });
  });

  it('speak the user’s codes through roles, with the RFC challenge still attached', () => {
    const rendered = renderError(tokenExpired({ catalog, realm: 'shop' }));
    expect(JSON.parse(rendered.body).code).toBe('token_expired');
    expect(rendered.headers['www-authenticate']).toBe(
      'Bearer realm="shop", error="invalid_token", error_description="The access token expired"',
    );
  });
});

describe('readBearerToken', () => {
  it('reads the token from plain and Fetch headers', () => {
    expect(readBearerToken({ authorization: 'Bearer abc' })).toBe('abc');
    expect(readBearerToken(new Headers({ Authorization: 'Bearer xyz' }))).toBe('xyz');
  });

  it('answers 401 without an error code when credentials are absent or of another scheme', () => {
    for (const headers of [undefined, {}, { authorization: '' }, { authorization: 'Basic dXNlcjpwYXNz' }]) {
      const rendered = caught(() => readBearerToken(headers, { realm: 'api', catalog }));
      expect([rendered.status, rendered.headers['www-authenticate']]).toEqual([401, 'Bearer realm="api"']);
      expect(JSON.parse(rendered.body).code).toBe('unauthorized');
    }
  });

  it('answers 400 invalid_request when the header is malformed or repeated', () => {
    for (const headers of [
      { authorization: 'Bearer' },
      { authorization: ['Bearer a', 'Bearer b'] },
      new Headers([
        ['authorization', 'Bearer a'],
        ['authorization', 'Bearer b'],
      ]),
    ]) {
      const rendered = caught(() => readBearerToken(headers));
      expect([rendered.status, rendered.headers['www-authenticate']]).toEqual([
        400,
        'Bearer error="invalid_request"',
      ]);
    }
  });
});

describe('scopes and roles', () => {
  it('reads scopes from a string or an array claim', () => {
    expect(grantedScopes({ scope: 'a  b c' })).toEqual(['a', 'b', 'c']);
    expect(grantedScopes({ scp: ['a', 3, 'b'] }, 'scp')).toEqual(['a', 'b']);
    expect(grantedScopes({ scope: 42 })).toEqual([]);
    expect(grantedScopes(JSON.parse('{"__proto__": "a"}'), '__proto__')).toEqual(['a']);
    expect(grantedScopes({}, 'toString')).toEqual([]);
  });

  it('throws 403 with the missing scopes or roles', () => {
    expect(() => requireScopes(['a', 'b'], ['a'])).not.toThrow();
    const scoped = caught(() => requireScopes(['a'], ['a', 'b', 'c'], { realm: 'api' }));
    expect(scoped.status).toBe(403);
    expect(JSON.parse(scoped.body).details).toEqual({ missing: ['b', 'c'] });
    expect(scoped.headers['www-authenticate']).toBe(
      'Bearer realm="api", error="insufficient_scope", scope="a b c"',
    );
    expect(() => requireRoles(['user'], ['admin', 'user'], { any: true })).not.toThrow();
    const roles = caught(() => requireRoles(['user'], ['admin', 'user']));
    expect([roles.status, JSON.parse(roles.body).code, JSON.parse(roles.body).details]).toEqual([
      403,
      'FORBIDDEN',
      { missing: ['admin'] },
    ]);
  });
});
