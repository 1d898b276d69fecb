import { isIP } from 'node:net';
import { isNonPublicAddress } from './non-public-address.js';

/**
 * Why the service will not send notifications to a listener URL, or `undefined` when it may: the
 * URL must be http(s), and its host may not be a non-public IP address in any notation (the URL
 * parser turns `2130706433`, `0x7f.1` and `127.1` into `127.0.0.1`) nor a `localhost` name. Other
 * host names are checked again when a notification is sent, against the addresses they resolve to.
 *
 * @example
 * ```ts
 * listenerUrlProblem('http://[::ffff:127.0.0.1]:8080/hook'); // 'its host is not a public address'
 * listenerUrlProblem('https://hooks.example.com/promises'); // undefined
 * ```
 */
export function listenerUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'it is not a URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'it is not an http(s) URL';
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  const literal = host.startsWith('[') ? host.slice(1, -1) : host;
  if (isIP(literal) !== 0)
    return isNonPublicAddress(literal) ? 'its host is not a public address' : undefined;
  if (host === 'localhost' || host.endsWith('.localhost')) return 'its host is not a public address';
  return undefined;
}
