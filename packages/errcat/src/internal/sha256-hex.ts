const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const encoder = new TextEncoder();

/** Text is hashed as its UTF-8 bytes, lone surrogates as U+FFFD, as TextEncoder writes them. */
type Input = string | Uint8Array;

interface NodeCrypto {
  createHash(algorithm: 'sha256'): { update(data: Input): { digest(encoding: 'hex'): string } };
  /** One-shot digest (Node 20.12+, 21.7+): no Hash object, about a third of createHash's time. */
  hash?(algorithm: 'sha256', data: Input, encoding: 'hex'): string;
}

// Web Crypto's digest is asynchronous: on Node it hops through the thread pool, about 75 µs per
// call against 2 µs for node:crypto's hash. `process.getBuiltinModule` (Node 20.16+) reaches
// node:crypto without an import, so the core stays portable and uses Web Crypto elsewhere.
const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;

// node:crypto encodes text itself, in C++: a TextEncoder copy first cost more than the digest.
function nodeDigestOf(crypto: NodeCrypto): (data: Input) => string {
  const { hash } = crypto;
  if (typeof hash === 'function') return (data) => hash.call(crypto, 'sha256', data, 'hex');
  return (data) => crypto.createHash('sha256').update(data).digest('hex');
}

const nodeDigest = nodeCrypto && nodeDigestOf(nodeCrypto);

async function webDigest(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(
    await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>),
  );
  let out = '';
  for (const byte of digest) out += HEX[byte];
  return out;
}

/**
 * The SHA-256 digest of `data` (text is UTF-8 encoded) as lower-case hex: at once through
 * node:crypto on Node, else through Web Crypto.
 */
export function sha256Hex(data: Input): string | Promise<string> {
  if (nodeDigest) return nodeDigest(data);
  return webDigest(typeof data === 'string' ? encoder.encode(data) : data);
}
