const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const encoder = new TextEncoder();

/**
 * The SHA-256 digest of `data` (text is UTF-8 encoded) as lower-case hex, through Web Crypto so
 * that it runs on every runtime the core supports.
 */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  const digest = new Uint8Array(
    await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>),
  );
  let out = '';
  for (const byte of digest) out += HEX[byte];
  return out;
}
