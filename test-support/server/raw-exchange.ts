import { connect } from 'node:net';

/**
 * Sends raw bytes to 127.0.0.1:`port` (what no HTTP client would send: bad header bytes, odd
 * targets) and resolves to everything the server wrote before it closed the connection.
 *
 * @example
 * ```ts
 * const raw = await exchange(port, 'GET * HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n');
 * ```
 */
export function exchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
    socket.write(bytes, 'latin1');
  });
}

/**
 * One raw HTTP/1.1 response with a JSON body: its status, lower-cased headers and parsed body.
 *
 * @example
 * ```ts
 * const { status, headers, body } = parseRawResponse(await exchange(port, bytes));
 * ```
 */
export function parseRawResponse(raw: string): {
  status: number;
  headers: Record<string, string>;
  body: unknown;
} {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const [statusLine = '', ...fields] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const field of fields) {
    const colon = field.indexOf(':');
    headers[field.slice(0, colon).toLowerCase()] = field.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(body) };
}
