import { describe, expect, it } from 'vitest';
import { parseCurlTranscript } from './responses-curl.js';

describe('parseCurlTranscript', () => {
  it('reads an HTTP/2 transcript with LF line ends', () => {
    const text = 'HTTP/2 429\ncontent-type: application/json\nretry-after: 5\n\n{"error":"slow_down"}\n';
    expect(parseCurlTranscript(text, 'a.txt')).toEqual({
      source: 'a.txt',
      status: 429,
      headers: { 'content-type': 'application/json', 'retry-after': '5' },
      body: '{"error":"slow_down"}\n',
    });
  });

  it('skips a 100 Continue head and redirects followed with -L, CRLF line ends', () => {
    const text = [
      'HTTP/1.1 100 Continue',
      '',
      'HTTP/1.1 301 Moved Permanently',
      'Location: /v2/x',
      '',
      'HTTP/1.1 404 Not Found',
      'Set-Cookie: a=1',
      'Set-Cookie: b=2',
      '',
      '{"code":"NOPE"}',
    ].join('\r\n');
    expect(parseCurlTranscript(text, 'b.txt')).toEqual({
      source: 'b.txt',
      status: 404,
      headers: { 'set-cookie': 'a=1, b=2' },
      body: '{"code":"NOPE"}',
    });
  });

  it('ignores a pasted command before the status line, and reads a head without a body', () => {
    expect(parseCurlTranscript('$ curl -i https://x\nHTTP/1.0 503 Service Unavailable\r\n', 'c.txt')).toEqual(
      {
        source: 'c.txt',
        status: 503,
        headers: {},
        body: '',
      },
    );
  });

  it('is undefined without a status line', () => {
    expect(parseCurlTranscript('<html>502 Bad Gateway</html>', 'd.txt')).toBeUndefined();
    expect(parseCurlTranscript('HTTP/1.1 abc\n\n', 'e.txt')).toBeUndefined();
  });
});
