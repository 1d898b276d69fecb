import { describe, expect, it } from 'vitest';
import { problemProfile } from '../render/problem-profile.js';
import { renderSuccess } from './render-success.js';
import { resonateProfile } from './resonate-profile.js';
import { rstmdbProfile } from './rstmdb-profile.js';

const context = { kind: 'promise.create', corrId: 'c1' };

describe('renderSuccess', () => {
  it('sends 200 by default and the status it is given, repeated in an envelope that carries one', () => {
    expect(renderSuccess({ id: 'p1' }, { profile: resonateProfile, context }).status).toBe(200);
    const created = renderSuccess({ id: 'p1' }, { profile: resonateProfile, context, status: 201 });
    expect(created.status).toBe(201);
    expect(JSON.parse(created.body)).toEqual({
      kind: 'promise.create',
      head: { corrId: 'c1', status: 201, version: '2026-04-01' },
      data: { id: 'p1' },
    });
    const plain = renderSuccess({ id: 'p1' }, { profile: problemProfile, status: 201 });
    expect(plain).toEqual({
      status: 201,
      headers: { 'content-type': 'application/json' },
      body: '{"id":"p1"}',
    });
  });

  it('keeps a 204 without a body where there is no envelope, and answers 200 with {} where there is', () => {
    expect(renderSuccess(undefined, { profile: problemProfile, status: 204 })).toEqual({
      status: 204,
      headers: {},
      body: '',
    });
    const deleted = renderSuccess(undefined, {
      profile: resonateProfile,
      context: { kind: 'subscription.delete', corrId: 'c2' },
      status: 204,
    });
    expect(deleted.status).toBe(200);
    expect(JSON.parse(deleted.body)).toEqual({
      kind: 'subscription.delete',
      head: { corrId: 'c2', status: 200, version: '2026-04-01' },
      data: {},
    });
    const rstmdb = renderSuccess(undefined, {
      profile: rstmdbProfile,
      context: { requestId: '3' },
      status: 204,
    });
    expect([rstmdb.status, JSON.parse(rstmdb.body).result]).toEqual([200, {}]);
  });
});
