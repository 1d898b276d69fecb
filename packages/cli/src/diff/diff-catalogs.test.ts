import { type CatalogSpec, parseCatalog } from 'errcat';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { type CatalogDiff, diffCatalogs } from './diff-catalogs.js';
import { DIFF_RULES, type DiffRuleId } from './diff-rules.js';

/** A spec that the tests change freely, at any depth. */
// biome-ignore lint/suspicious/noExplicitAny: fixtures are edited in place, member by member.
type Spec = { [key: string]: any };

function base(): Spec {
  return {
    domain: 'shop.example.com',
    version: '1.0.0',
    description: 'Errors of the shop API.',
    docs: 'https://shop.example.com/errors',
    errors: {
      ORDER_NOT_FOUND: {
        code: 4040,
        status: 404,
        title: 'Order not found',
        message: "Order '{id}' not found",
        details: {
          id: { type: 'string', description: 'The order id' },
          region: { type: 'string', enum: ['eu', 'us'], optional: true },
          trace: { type: 'string', internal: true, optional: true },
        },
        headers: { 'X-Shard': 'a' },
        extensions: { 'resonate-legacy': { type: 'RequestError' } },
        causes: ['The id is misspelled'],
        resolution: 'Check the id.',
      },
      RATE_LIMITED: {
        code: 4290,
        status: 429,
        title: 'Rate limited',
        message: 'Slow down[ for {seconds}s]',
        retryAfter: 5,
      },
      SERVER_DOWN: { code: 5030, status: 503, title: 'Server down', message: 'Down', role: 'INTERNAL_ERROR' },
    },
  };
}

function diff(change: (after: Spec, before: Spec) => void): CatalogDiff {
  const before = base();
  const after = base();
  change(after, before);
  return diffCatalogs(parseCatalog(before as CatalogSpec), parseCatalog(after as CatalogSpec));
}

const order = (spec: Spec): Spec => spec.errors.ORDER_NOT_FOUND;

/** One case per rule: the change that triggers it, and every rule the change is reported under. */
const cases: readonly [DiffRuleId, (after: Spec, before: Spec) => void, DiffRuleId[]?][] = [
  [
    'domain-changed',
    (a) => {
      a.domain = 'store.example.com';
    },
  ],
  [
    'profile-changed',
    (a) => {
      a.profile = 'google';
    },
  ],
  [
    'entry-added',
    (a) => {
      a.errors.ORDER_GONE = { code: 4100, status: 410, message: 'Gone' };
    },
  ],
  [
    'entry-removed',
    (a) => {
      delete a.errors.RATE_LIMITED;
    },
  ],
  [
    'entry-renamed',
    (a) => {
      a.errors.ORDER_MISSING = order(a);
      delete a.errors.ORDER_NOT_FOUND;
    },
  ],
  // The docs URL ends in #<code>, so it moves with the code.
  [
    'code-changed',
    (a) => {
      order(a).code = 4041;
    },
    ['code-changed', 'type-changed'],
  ],
  [
    'status-changed',
    (a) => {
      order(a).status = 410;
    },
  ],
  [
    'retryable-changed',
    (a) => {
      order(a).retryable = true;
    },
  ],
  [
    'throttling-changed',
    (a) => {
      a.errors.RATE_LIMITED.throttling = false;
    },
  ],
  [
    'not-applied-changed',
    (a) => {
      order(a).notApplied = true;
    },
  ],
  [
    'type-changed',
    (a) => {
      order(a).docs = 'https://shop.example.com/errors/order-not-found';
    },
  ],
  [
    'type-added',
    (_a, b) => {
      delete b.docs;
    },
    ['type-added', 'catalog-docs-changed'],
  ],
  [
    'retry-after-removed',
    (a) => {
      delete a.errors.RATE_LIMITED.retryAfter;
    },
  ],
  [
    'retry-after-changed',
    (a) => {
      a.errors.RATE_LIMITED.retryAfter = 30;
    },
  ],
  [
    'header-removed',
    (a) => {
      delete order(a).headers;
    },
  ],
  [
    'header-changed',
    (a) => {
      order(a).headers = { 'x-shard': 'b' };
    },
  ],
  [
    'header-added',
    (a) => {
      order(a).headers = { 'X-Shard': 'a', 'Cache-Control': 'no-store' };
    },
  ],
  [
    'profile-data-removed',
    (a) => {
      delete order(a).extensions;
    },
  ],
  [
    'profile-data-changed',
    (a) => {
      order(a).extensions = { 'resonate-legacy': { type: 'NotFoundError' } };
    },
  ],
  [
    'profile-data-added',
    (a) => {
      order(a).extensions = {
        'resonate-legacy': { type: 'RequestError' },
        google: { reason: 'ORDER_NOT_FOUND' },
      };
    },
  ],
  [
    'tool-data-changed',
    (a) => {
      order(a).extensions = { 'resonate-legacy': { type: 'RequestError' }, openapi: { operations: ['*'] } };
    },
  ],
  [
    'role-removed',
    (a) => {
      delete a.errors.SERVER_DOWN.role;
    },
  ],
  [
    'role-added',
    (_a, b) => {
      delete b.errors.SERVER_DOWN.role;
    },
  ],
  [
    'expose-changed',
    (a) => {
      order(a).expose = false;
    },
  ],
  [
    'field-removed',
    (a) => {
      delete order(a).details.region;
    },
  ],
  [
    'field-added-required',
    (a) => {
      order(a).details.tenant = 'string';
    },
  ],
  [
    'field-added-optional',
    (a) => {
      order(a).details.tenant = 'string?';
    },
  ],
  [
    'field-optionality-changed',
    (a) => {
      order(a).details.region.optional = false;
    },
  ],
  [
    'field-type-changed',
    (a) => {
      order(a).details.id = { type: 'integer', description: 'The order id' };
    },
  ],
  [
    'field-enum-narrowed',
    (a) => {
      order(a).details.region.enum = ['eu'];
    },
  ],
  [
    'field-enum-widened',
    (a) => {
      order(a).details.region.enum = ['eu', 'us', 'apac'];
    },
  ],
  [
    'field-hidden',
    (a) => {
      order(a).details.region.internal = true;
    },
  ],
  [
    'field-exposed',
    (a) => {
      order(a).details.trace.internal = false;
    },
  ],
  [
    'message-param-removed',
    (a) => {
      order(a).message = 'Order not found';
    },
  ],
  [
    'details-not-comparable',
    (a) => {
      order(a).details = z.object({ id: z.string() });
    },
  ],
  [
    'entry-deprecated',
    (a) => {
      a.errors.RATE_LIMITED.deprecated = 'Use ORDER_NOT_FOUND';
    },
  ],
  [
    'deprecation-changed',
    (_a, b) => {
      b.errors.RATE_LIMITED.deprecated = true;
    },
  ],
  [
    'message-changed',
    (a) => {
      order(a).message = "The order '{id}' does not exist";
    },
  ],
  [
    'docs-changed',
    (a) => {
      order(a).resolution = 'Check the id, or list your orders.';
    },
  ],
  [
    'server-changed',
    (a) => {
      order(a).logLevel = 'warn';
    },
  ],
  [
    'catalog-docs-changed',
    (a) => {
      a.description = 'Every error of the shop API.';
    },
  ],
];

describe('diffCatalogs: one test per rule', () => {
  test('every rule has a case', () => {
    expect(new Set(cases.map(([rule]) => rule))).toEqual(new Set(Object.keys(DIFF_RULES)));
  });

  test.each(cases)('%s', (rule, change, reported = [rule]) => {
    const result = diff(change);
    expect(new Set(result.changes.map((c) => c.rule))).toEqual(new Set(reported));
    const found = result.changes.find((c) => c.rule === rule);
    expect(found?.level).toBe(DIFF_RULES[rule].level);
    expect(found?.waiver).toBeUndefined();
    expect(result.breaking).toBe(result.changes.some((c) => c.level === 'major'));
  });
});

describe('diffCatalogs: matching, messages and verdicts', () => {
  test('identical catalogs: no changes, verdict none', () => {
    const result = diff(() => {});
    expect(result).toMatchObject({
      verdict: 'none',
      breaking: false,
      changes: [],
      counts: { major: 0, minor: 0, patch: 0 },
    });
  });

  test('a change names the entry, the path and both values', () => {
    const [change] = diff((a) => {
      order(a).status = 410;
    }).changes;
    expect(change).toEqual({
      rule: 'status-changed',
      level: 'major',
      path: 'errors.ORDER_NOT_FOUND.status',
      key: 'ORDER_NOT_FOUND',
      code: 4040,
      message: 'status 404 → 410',
      before: 404,
      after: 410,
    });
  });

  test('the verdict is the highest level, and counts add up', () => {
    const result = diff((a) => {
      order(a).title = 'Missing order';
      a.errors.ORDER_GONE = { code: 4100, status: 410, message: 'Gone' };
    });
    expect(result).toMatchObject({
      verdict: 'minor',
      breaking: false,
      counts: { major: 0, minor: 1, patch: 1 },
    });
  });

  test('a removed message parameter of an entry without fields is a removed details field', () => {
    const result = diff((a) => {
      a.errors.RATE_LIMITED.message = 'Slow down';
    });
    expect(result.changes).toEqual([
      expect.objectContaining({
        rule: 'field-removed',
        level: 'major',
        message: "message parameter 'seconds' removed",
      }),
    ]);
  });

  test('a retryable flip that comes from a category default is caught per entry', () => {
    const result = diff((a, b) => {
      b.categories = { request: { range: [4000, 4999], retryable: false } };
      a.categories = { request: { range: [4000, 4999], retryable: true } };
    });
    expect(result.changes.filter((c) => c.rule === 'retryable-changed').map((c) => c.key)).toEqual([
      'ORDER_NOT_FOUND',
      'RATE_LIMITED',
    ]);
  });

  test('a rename keeps comparing the entry under its new key', () => {
    const result = diff((a) => {
      a.errors.ORDER_MISSING = { ...order(a), status: 410 };
      delete a.errors.ORDER_NOT_FOUND;
    });
    expect(result.changes.map((c) => [c.rule, c.key])).toEqual([
      ['entry-renamed', 'ORDER_MISSING'],
      ['status-changed', 'ORDER_MISSING'],
    ]);
  });

  test('a role that moves to another entry is reported once, on the old player', () => {
    const result = diff((a) => {
      delete a.errors.SERVER_DOWN.role;
      a.errors.RATE_LIMITED.role = 'INTERNAL_ERROR';
    });
    expect(result.changes).toEqual([
      expect.objectContaining({
        rule: 'role-removed',
        key: 'SERVER_DOWN',
        message: 'role INTERNAL_ERROR moved from SERVER_DOWN (5030) to RATE_LIMITED (4290)',
      }),
    ]);
  });

  test('equal Standard Schemas that describe themselves compare equal', () => {
    const result = diff((a, b) => {
      order(a).details = z.object({ id: z.string() });
      order(b).details = z.object({ id: z.string() });
    });
    expect(result.changes).toEqual([]);
  });
});

describe('diffCatalogs: waivers', () => {
  test('deprecation trail: removing an entry deprecated with a replacement that stays is minor', () => {
    const result = diff((a, b) => {
      Object.assign(b.errors.RATE_LIMITED, { deprecated: true, replacedBy: 'ORDER_NOT_FOUND' });
      delete a.errors.RATE_LIMITED;
    });
    expect(result).toMatchObject({ verdict: 'minor', breaking: false });
    expect(result.changes).toEqual([
      expect.objectContaining({
        rule: 'entry-removed',
        level: 'minor',
        waiver: {
          rule: 'deprecation-trail',
          reason: 'deprecated in the old catalog with replacedBy ORDER_NOT_FOUND',
        },
      }),
    ]);
  });

  test.each([
    [
      'deprecated without replacedBy',
      (b: Spec) => {
        b.errors.RATE_LIMITED.deprecated = true;
      },
    ],
    [
      'the replacement is removed too',
      (b: Spec, a: Spec) => {
        Object.assign(b.errors.RATE_LIMITED, { deprecated: true, replacedBy: 'SERVER_DOWN' });
        delete a.errors.SERVER_DOWN;
      },
    ],
    [
      'replacedBy without deprecated',
      (b: Spec) => {
        b.errors.RATE_LIMITED.replacedBy = 'ORDER_NOT_FOUND';
      },
    ],
  ])('no trail (%s): removal stays major', (_name, mark: (b: Spec, a: Spec) => void) => {
    const result = diff((a, b) => {
      mark(b, a);
      delete a.errors.RATE_LIMITED;
    });
    expect(result.changes.find((c) => c.rule === 'entry-removed')).toMatchObject({ level: 'major' });
    expect(result.breaking).toBe(true);
  });

  test('a trail waives only the removal, never other breaking changes of the same entry', () => {
    const result = diff((a, b) => {
      Object.assign(order(b), { deprecated: true, replacedBy: 'RATE_LIMITED' });
      order(a).status = 410;
    });
    expect(result.changes.find((c) => c.rule === 'status-changed')).toMatchObject({ level: 'major' });
  });

  test('unreleased: an entry whose since is later than the old version may still change', () => {
    const result = diff((a, b) => {
      order(b).since = '1.1.0';
      order(a).since = '1.1.0';
      order(a).status = 410;
      delete a.errors.RATE_LIMITED;
    });
    expect(result.changes.find((c) => c.rule === 'status-changed')).toMatchObject({
      level: 'minor',
      waiver: { rule: 'unreleased', reason: "since 1.1.0, later than the old catalog's version 1.0.0" },
    });
    expect(result.changes.find((c) => c.rule === 'entry-removed')).toMatchObject({ level: 'major' });
  });

  test.each([
    ['since equals the old version', '1.0.0', '1.0.0'],
    ['since before the old version', '0.9.0', '1.0.0'],
    ['the old catalog has no version', '1.1.0', undefined],
    ['since is not semver', 'next', '1.0.0'],
  ])('not unreleased (%s): the change stays major', (_name, since, version) => {
    const result = diff((a, b) => {
      order(b).since = since;
      if (version === undefined) delete b.version;
      else b.version = version;
      a.version = b.version;
      order(a).since = since;
      order(a).status = 410;
    });
    expect(result.changes.find((c) => c.rule === 'status-changed')).toMatchObject({ level: 'major' });
  });
});

describe('diffCatalogs: version check', () => {
  const breaking = (a: Spec) => {
    order(a).status = 410;
  };
  test.each([
    ['1.0.0', '2.0.0', 'major', true],
    ['1.0.0', '1.1.0', 'minor', false],
    ['1.0.0', '1.0.1', 'patch', false],
    ['1.0.0', '1.0.0', 'none', false],
    ['1.0.0', '0.9.0', 'downgrade', false],
    ['1.0.0', '2.0.0-rc.1', 'prerelease', true],
    ['0.3.0', '0.4.0', 'minor', true],
    ['0.3.0', '0.3.1', 'patch', false],
  ])('%s → %s with a breaking change: bump %s, sufficient %s', (from, to, bump, sufficient) => {
    const result = diff((a, b) => {
      b.version = from;
      a.version = to;
      breaking(a);
    });
    expect(result.version).toEqual({ before: from, after: to, bump, sufficient });
  });

  test('a minor change is covered by a minor bump, a 0.x patch bump, not by no bump', () => {
    const added = (from: string, to: string) =>
      diff((a, b) => {
        b.version = from;
        a.version = to;
        a.errors.ORDER_GONE = { code: 4100, status: 410, message: 'Gone' };
      }).version?.sufficient;
    expect([added('1.0.0', '1.1.0'), added('0.3.0', '0.3.1'), added('1.0.0', '1.0.0')]).toEqual([
      true,
      true,
      false,
    ]);
  });

  test('no version check without semver versions on both sides', () => {
    expect(
      diff((a) => {
        delete a.version;
      }).version,
    ).toBeUndefined();
    expect(
      diff((a) => {
        a.version = '2024-06';
      }).version,
    ).toBeUndefined();
  });
});

describe('diffCatalogs: properties', () => {
  const field = fc.record(
    {
      type: fc.constantFrom('string', 'integer', 'boolean'),
      optional: fc.boolean(),
      internal: fc.boolean(),
      enum: fc.constant(undefined),
    },
    { requiredKeys: ['type'] },
  );
  const entry = fc.record({
    code: fc.integer({ min: 1000, max: 9999 }),
    status: fc.constantFrom(400, 404, 409, 429, 500, 503),
    message: fc.constant('It failed'),
    retryable: fc.boolean(),
    details: fc.dictionary(fc.stringMatching(/^[a-z][a-zA-Z]{0,8}$/), field, { maxKeys: 3 }),
  });
  const specs = fc
    .uniqueArray(entry, { selector: (e) => e.code, minLength: 1, maxLength: 6 })
    .map((list) => ({
      domain: 'prop.example.com',
      errors: Object.fromEntries(list.map((e) => [`E_${e.code}`, JSON.parse(JSON.stringify(e))])),
    }));
  const build = (spec: Spec) => parseCatalog(spec as CatalogSpec);

  test('a catalog compared with itself has no changes', () => {
    fc.assert(
      fc.property(specs, (spec) => {
        expect(diffCatalogs(build(spec), build(structuredClone(spec)))).toMatchObject({
          verdict: 'none',
          changes: [],
        });
      }),
    );
  });

  test('adding entries is minor; removing them again is major, entry by entry', () => {
    fc.assert(
      fc.property(specs, specs, (base, extra) => {
        const grown = structuredClone(base);
        for (const [key, value] of Object.entries(extra.errors))
          if (!(key in grown.errors)) grown.errors[key] = value;
        const added = Object.keys(grown.errors).filter((key) => !(key in base.errors));
        const forward = diffCatalogs(build(base), build(grown));
        expect(forward.changes.map((c) => [c.rule, c.key])).toEqual(added.map((key) => ['entry-added', key]));
        expect(forward.verdict).toBe(added.length > 0 ? 'minor' : 'none');
        const backward = diffCatalogs(build(grown), build(base));
        expect(backward.changes.map((c) => [c.rule, c.key])).toEqual(
          added.map((key) => ['entry-removed', key]),
        );
        expect(backward.breaking).toBe(added.length > 0);
      }),
    );
  });

  test('any single changed status, code or retryable flag makes the diff breaking', () => {
    fc.assert(
      fc.property(specs, fc.nat(), fc.constantFrom('status', 'code', 'retryable'), (spec, pick, fact) => {
        const keys = Object.keys(spec.errors);
        const key = keys[pick % keys.length] ?? '';
        const after = structuredClone(spec);
        const target = after.errors[key];
        if (fact === 'status') target.status = target.status === 418 ? 417 : 418;
        else if (fact === 'code') target.code = 10_000 + target.code;
        else target.retryable = !target.retryable;
        const result = diffCatalogs(build(spec), build(after));
        expect(result.breaking).toBe(true);
        expect(result.changes.some((c) => c.key === key && c.level === 'major')).toBe(true);
      }),
    );
  });
});
