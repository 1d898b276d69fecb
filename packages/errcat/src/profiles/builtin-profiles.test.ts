import { describe, expect, it } from 'vitest';
import { isCatalogError } from '../is-catalog-error.js';
import { problemProfile } from '../render/problem-profile.js';
import type { WireProfile } from '../render/wire-profile.js';
import { builtinProfiles, getProfile } from './builtin-profiles.js';

describe('builtinProfiles and getProfile', () => {
  it('names every profile by its own name', () => {
    for (const [name, profile] of Object.entries(builtinProfiles)) expect(profile.name).toBe(name);
    expect(Object.keys(builtinProfiles)).toMatchInlineSnapshot(`
      [
        "problem",
        "google",
        "jsonapi",
        "simple",
        "simple-flat",
        "resonate-legacy",
        "resonate",
        "rstmdb",
      ]
    `);
  });

  it('finds built-in profiles and prefers the user’s own of the same name', () => {
    expect(getProfile('problem')).toBe(problemProfile);
    const mine: WireProfile = { name: 'problem', contentType: 'application/json', body: (view) => view.code };
    expect(getProfile('problem', [mine])).toBe(mine);
  });

  it('throws ERRCAT_UNKNOWN_PROFILE listing what exists, also for inherited names', () => {
    for (const name of ['nope', 'toString', '__proto__']) {
      let thrown: unknown;
      try {
        getProfile(name, [{ name: 'mine', contentType: 'application/json', body: () => null }]);
      } catch (error) {
        thrown = error;
      }
      expect(isCatalogError(thrown, 'ERRCAT_UNKNOWN_PROFILE')).toBe(true);
      expect((thrown as Error).message).toContain('(available: mine, problem, google');
    }
  });
});
