import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isNonPublicAddress } from './non-public-address.js';

/**
 * A `lookup` for `http.request` and `net.connect` that resolves a host name as `dns.lookup` does
 * and fails with `ENOTPUBLIC` when it resolves to a non-public address, so the connection is made
 * only to an address that was checked (no window for DNS rebinding between a check and the connect).
 *
 * @example
 * ```ts
 * http.request('http://hooks.example.com/promises', { lookup: publicOnlyLookup() });
 * ```
 */
export function publicOnlyLookup(resolve: LookupFunction = dnsLookup as LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, options, (error, address, family) => {
      if (error) return callback(error, address, family);
      const addresses: readonly LookupAddress[] =
        typeof address === 'string' ? [{ address, family: family ?? 4 }] : address;
      if (addresses.length === 0 || addresses.some((entry) => isNonPublicAddress(entry.address))) {
        const refused = Object.assign(new Error(`${hostname} resolves to a non-public address`), {
          code: 'ENOTPUBLIC',
        });
        return callback(refused, address, family);
      }
      callback(null, address, family);
    });
  };
}
