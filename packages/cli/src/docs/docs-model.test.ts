import { builtinProfiles, errcatErrors, parseCatalog } from 'errcat';
import { describe, expect, it } from 'vitest';
import { docsFixtureSpec } from '../../test/fixtures/docs-fixture.js';
import { buildDocsModel } from './docs-model.js';
import { docsProfiles } from './docs-profiles.js';
import { renderExample } from './render-example.js';

const catalog = parseCatalog(docsFixtureSpec);

describe('buildDocsModel', () => {
  const model = buildDocsModel(catalog, docsProfiles(catalog.spec));
  const entries = model.groups.flatMap((group) => group.entries);

  it('groups entries by category in catalog order, the uncategorised last', () => {
    expect(model.groups.map((g) => [g.title, g.range, g.entries.map((e) => e.code)])).toEqual([
      ['Request Errors', [4000, 4999], [4000, 4040, 4049, 4099]],
      ['Server Errors', [5000, 5999], [5002, 5031]],
      ['Authentication Errors', undefined, ['AUTH-401']],
      ['Other errors', undefined, [1198]],
    ]);
    expect(model.sections.map((s) => [s.title, s.at])).toEqual([
      ['Handling Errors', 'start'],
      ['Best Practices', 'end'],
    ]);
    expect(model.sidebarPosition).toBe(3);
  });

  it('anchors each entry at the fragment of its docs URL', () => {
    for (const entry of entries) {
      expect(`#${entry.anchor}`).toBe(new URL(entry.docs as string).hash);
      expect(entry.href).toBe(new URL(entry.docs as string).hash);
    }
    const custom = parseCatalog({
      domain: 'x.example.com',
      errors: {
        A: { code: 'A1', message: 'a', docs: 'https://x.example.com/e#caf%C3%A9' },
        B: { code: 2, message: 'b', docs: 'https://x.example.com/e#caf%C3%A9' },
        C: { code: 3, message: 'c' },
      },
    });
    const anchors = buildDocsModel(custom).groups[0]?.entries.map((e) => [e.anchor, e.href]);
    expect(anchors).toEqual([
      ['café', '#caf%C3%A9'],
      ['café-B', '#caf%C3%A9-B'],
      ['3', '#3'],
    ]);
  });

  it('lists the facts, parameters and fields, and makes example sources without internal details', () => {
    const validation = entries.find((e) => e.key === 'VALIDATION_FAILED');
    expect(validation?.params).toEqual([
      { name: 'field', required: true },
      { name: 'reason', required: false },
    ]);
    expect(validation?.example?.view.message).toBe("Field '/id' is invalid");
    const storage = entries.find((e) => e.key === 'STORAGE_FAILED');
    expect(storage?.fields).toEqual([
      expect.objectContaining({ name: 'reason', required: false, internal: true }),
    ]);
    expect(storage?.example?.view.details).toEqual({});
    const queue = entries.find((e) => e.key === 'API_QUEUE_FULL');
    expect([queue?.retryable, queue?.throttling, queue?.notApplied]).toEqual([true, true, true]);
    expect(queue?.example?.headers).toEqual({ 'retry-after': '1' });
    // An SDK error has no response to show: the docs show it as its SDK raises it.
    const panic = entries.find((e) => e.key === 'SDK_PANIC');
    expect([panic?.example, panic?.raised]).toEqual([
      undefined,
      'CatalogError: An unrecoverable internal error occurred in the SDK',
    ]);
    expect(entries.find((e) => e.key === 'PROMISE_NOT_FOUND')?.raised).toBeUndefined();
    const old = entries.find((e) => e.key === 'OLD_NOT_FOUND');
    expect(old?.replacedBy).toEqual([{ key: 'PROMISE_NOT_FOUND', href: '#4040' }]);
  });

  it('renders examples as renderError would, in every built-in profile', () => {
    const notFound = entries.find((e) => e.key === 'PROMISE_NOT_FOUND');
    expect(model.profiles.map((p) => p.name)).toEqual(Object.keys(builtinProfiles));
    for (const profile of model.profiles) {
      const example = renderExample(
        notFound?.example as NonNullable<typeof notFound>['example'] & object,
        profile,
      );
      expect(example.headers['content-type']).toBe(profile.contentType);
      expect(() => JSON.parse(example.body)).not.toThrow();
    }
    const problem = renderExample(notFound?.example as never, model.profile);
    expect(JSON.parse(problem.body)).toMatchObject({
      type: 'https://docs.example.com/reference/error-codes#4040',
      status: 404,
      code: 4040,
      detail: "The specified promise 'order-42' could not be found",
    });
  });

  it('indexes code, key, title, message, causes and resolution for search', () => {
    const auth = entries.find((e) => e.key === 'AUTHENTICATION_FAILED');
    expect(auth?.searchText).toContain('auth-401');
    expect(auth?.searchText).toContain('authentication failed');
    expect(auth?.searchText).toContain('expired api key/token');
    expect(entries.find((e) => e.code === 4040)?.searchText).toContain('promise not found');
  });

  it('rejects a malformed x-docs with every problem', () => {
    const bad = parseCatalog({
      domain: 'x.example.com',
      'x-docs': {
        sections: [{ title: 1 }, { title: 't', body: 'b', at: 'middle' }],
        sidebarPosition: 'top',
        extra: 1,
      },
      errors: { A: { code: 1, message: 'a' } },
    } as never);
    let thrown: unknown;
    try {
      buildDocsModel(bad);
    } catch (error) {
      thrown = error;
    }
    expect(errcatErrors.is(thrown, 'ERRCAT_INVALID_CATALOG')).toBe(true);
    expect(
      (thrown as { details: { problems: { path: string }[] } }).details.problems.map((p) => p.path),
    ).toEqual(['x-docs.extra', 'x-docs.sidebarPosition', 'x-docs.sections[0]', 'x-docs.sections[1].at']);
  });

  it('names an unknown catalog profile with ERRCAT_UNKNOWN_PROFILE', () => {
    expect(() => docsProfiles({ ...catalog.spec, profile: 'nope' })).toThrow(/nope/);
    expect(
      docsProfiles(catalog.spec, ['google', 'problem', 'google']).otherProfiles.map((p) => p.name),
    ).toEqual(['google']);
  });
});
