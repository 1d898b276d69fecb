import { describe, expect, it } from 'vitest';
import { decodeError } from './decode-error.js';

const encoder = new TextEncoder();

/** An endless body: every pull enqueues another chunk; counts pulls and cancellation. */
function endlessBody(chunk: Uint8Array) {
  const state = { pulls: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulls++;
      controller.enqueue(chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

describe('decodeError', () => {
  it('decodes a fetch Response', async () => {
    const response = new Response(
      JSON.stringify({ title: 'Gone', status: 410, detail: 'deleted', code: 'GONE' }),
      {
        status: 410,
        headers: { 'content-type': 'application/problem+json', 'x-request-id': 'r1' },
      },
    );
    expect(await decodeError(response)).toMatchObject({
      ok: false,
      code: 'GONE',
      message: 'deleted',
      requestId: 'r1',
    });
  });

  it('does not read the body of a response that is not an error', async () => {
    const response = new Response('{"ok":true}', { status: 200 });
    expect(await decodeError(response)).toEqual({ ok: true, status: 200 });
    expect(response.bodyUsed).toBe(false);
  });

  it('reads at most maxBytes of an endless body, then cancels the stream', async () => {
    const { stream, state } = endlessBody(encoder.encode('x'.repeat(1024)));
    const error = await decodeError(new Response(stream, { status: 502 }), { maxBytes: 64 * 1024 });
    expect(error).toMatchObject({ ok: false, code: null, statusName: 'BAD_GATEWAY', retryable: true });
    expect(state.cancelled).toBe(true);
    expect(state.pulls).toBeLessThanOrEqual(70);
    expect(String((error as { raw: unknown }).raw)).toHaveLength(64 * 1024);
  });

  it('decodes what arrived when the body breaks mid-stream', async () => {
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulls++ === 0) controller.enqueue(encoder.encode('upstream connect error'));
        else controller.error(new Error('socket hang up'));
      },
    });
    expect(await decodeError(new Response(stream, { status: 503 }))).toMatchObject({
      format: 'text',
      message: 'upstream connect error',
      retryable: true,
    });
  });

  it('handles used bodies, text-only response-likes and hostile response-likes without rejecting', async () => {
    const used = new Response('{"message":"x"}', { status: 500 });
    await used.text();
    expect(await decodeError(used)).toMatchObject({ ok: false, format: 'empty', httpStatus: 500 });
    const textOnly = { status: 404, headers: {}, text: async () => '{"message":"nope"}' };
    expect(await decodeError(textOnly)).toMatchObject({ message: 'nope' });
    const hostile = {
      get status(): number {
        throw new Error('boom');
      },
      get body(): never {
        throw new Error('boom');
      },
    };
    expect(await decodeError(hostile as never)).toMatchObject({
      ok: false,
      httpStatus: 0,
      code: null,
      statusName: 'UNKNOWN',
    });
  });

  it('cuts a multi-byte character at the bound into a replacement character, not an exception', async () => {
    const body = encoder.encode(`{"message":"${'é'.repeat(100)}"}`);
    const error = await decodeError(new Response(body, { status: 400 }), { maxBytes: 50 });
    expect(error).toMatchObject({ ok: false, format: 'json', message: 'Bad Request' });
  });
});
