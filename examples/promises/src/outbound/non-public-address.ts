import ipaddr from 'ipaddr.js';

/**
 * True when an IP address (IPv4 or IPv6 text, as `dns.lookup` or a URL's host gives it, brackets
 * allowed) is anything but a public unicast address, so a server must not connect to it on a
 * client's behalf: loopback, private networks, link-local (cloud metadata at 169.254.169.254),
 * carrier-grade NAT, unspecified, multicast, reserved, documentation and benchmarking space, in
 * any notation. IPv4 carried in IPv6 (mapped, NAT64, 6to4) is judged as the IPv4 address it
 * carries; text that is not an IP address is non-public too.
 *
 * @example
 * ```ts
 * isNonPublicAddress('169.254.169.254'); // true: cloud metadata
 * isNonPublicAddress('::ffff:127.0.0.1'); // true: loopback, mapped into IPv6
 * isNonPublicAddress('93.184.215.14'); // false
 * ```
 */
export function isNonPublicAddress(address: string): boolean {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  // ipaddr.js also reads IPv4 in short, octal and hex forms; URLs and dns.lookup give dotted quads.
  if (!ipaddr.isValid(bare)) return true;
  const parsed = ipaddr.process(bare);
  const carried = carriedIpv4(parsed);
  if (carried !== undefined) return isNonPublicAddress(carried);
  return parsed.range() !== 'unicast';
}

/** The IPv4 address a NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address carries. */
function carriedIpv4(address: ipaddr.IPv4 | ipaddr.IPv6): string | undefined {
  if (address.kind() !== 'ipv6') return undefined;
  const bytes = address.toByteArray();
  const range = address.range();
  if (range === 'rfc6052') return bytes.slice(12, 16).join('.');
  if (range === '6to4') return bytes.slice(2, 6).join('.');
  return undefined;
}
