import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { problemProfile } from '../render/problem-profile.js';
import { googleProfile } from './google-profile.js';
import { jsonApiProfile } from './jsonapi-profile.js';
import { negotiateProfile } from './negotiate-profile.js';
import { resonateProfile } from './resonate-profile.js';

const enabled = [problemProfile, googleProfile, jsonApiProfile, resonateProfile];
const pick = (accept: string | undefined): string => negotiateProfile(accept, enabled).name;

describe('negotiateProfile', () => {
  it('chooses by distinctive media type', () => {
    expect(pick('application/vnd.api+json')).toBe('jsonapi');
    expect(pick('application/problem+json')).toBe('problem');
    expect(pick('text/html, application/vnd.api+json;q=0.5')).toBe('jsonapi');
  });

  it('chooses by profile parameter, by name or URI, quoted or not', () => {
    expect(pick('application/json; profile=google')).toBe('google');
    expect(pick('application/json; profile="resonate"')).toBe('resonate');
    expect(pick('application/json;profile="https://google.aip.dev/193"')).toBe('google');
    expect(pick('application/json; profile="unknown google"')).toBe('google');
    expect(pick('*/*; profile=jsonapi')).toBe('jsonapi');
  });

  it('gives the default to plain JSON, wildcards, HTML, nothing and garbage', () => {
    for (const accept of [
      undefined,
      '',
      'application/json',
      '*/*',
      'application/*',
      'text/html',
      ';;;,,',
      '"',
    ]) {
      expect(pick(accept)).toBe('problem');
    }
  });

  it('follows quality values, keeping header order on ties', () => {
    expect(pick('application/problem+json;q=0.4, application/vnd.api+json;q=0.9')).toBe('jsonapi');
    expect(pick('application/vnd.api+json, application/problem+json')).toBe('jsonapi');
    expect(pick('application/vnd.api+json;q=0.5, application/json')).toBe('problem');
  });

  it('honours q=0 refusals when another profile is left', () => {
    expect(pick('application/problem+json;q=0, */*')).toBe('google');
    expect(pick('application/json;profile=google;q=0, application/problem+json;q=0')).toBe('jsonapi');
    expect(negotiateProfile('application/problem+json;q=0', [problemProfile]).name).toBe('problem');
  });

  it('ignores a profile the server did not enable', () => {
    expect(negotiateProfile('application/vnd.api+json', [problemProfile]).name).toBe('problem');
    expect(negotiateProfile('application/json; profile=google', [problemProfile]).name).toBe('problem');
    expect(negotiateProfile('text/html', []).name).toBe('problem');
  });

  it('always returns an enabled profile for any header (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.constant(undefined)), (accept) => {
        expect(enabled).toContain(negotiateProfile(accept, enabled));
      }),
      { numRuns: 1000 },
    );
  });
});
