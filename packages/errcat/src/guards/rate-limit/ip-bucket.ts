const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const LEADING_ZERO = /(^|\.)0\d/;

function ipv4Parts(text: string): number[] | undefined {
  const match = IPV4.exec(text);
  if (!match) return undefined;
  const parts = match.slice(1).map(Number);
  return parts.every((part) => part <= 255) ? parts : undefined;
}

/** The eight 16-bit groups of an IPv6 address, or undefined when the text is not one. */
function ipv6Groups(text: string): number[] | undefined {
  let address = text;
  const lastColon = address.lastIndexOf(':');
  if (address.includes('.', lastColon)) {
    // An embedded dotted quad (::ffff:192.0.2.1) stands for the last two groups.
    const v4 = ipv4Parts(address.slice(lastColon + 1));
    if (!v4) return undefined;
    const [a = 0, b = 0, c = 0, d = 0] = v4;
    address = `${address.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const parse = (half: string | undefined): number[] | undefined => {
    if (half === undefined || half === '') return [];
    const groups: number[] = [];
    for (const group of half.split(':')) {
      if (!/^[0-9a-f]{1,4}$/i.test(group)) return undefined;
      groups.push(Number.parseInt(group, 16));
    }
    return groups;
  };
  const head = parse(halves[0]);
  const rest = parse(halves[1]);
  if (!head || !rest) return undefined;
  const known = head.length + rest.length;
  if (halves.length === 1) return known === 8 ? head : undefined;
  if (known > 7) return undefined;
  return [...head, ...new Array<number>(8 - known).fill(0), ...rest];
}

/**
 * The rate-limit bucket of a client address: an IPv4 address as is (an IPv4-mapped IPv6 address
 * too), an IPv6 address cut to its /64 network, because one client usually owns a whole /64 and
 * could otherwise mint a new bucket per address. Text that is no address is kept, cut to 64
 * characters.
 *
 * @example
 * ```ts
 * ipBucket('2001:db8:1:2:3:4:5:6'); // '2001:db8:1:2::/64'
 * ipBucket('::ffff:192.0.2.1'); // '192.0.2.1'
 * ```
 */
export function ipBucket(address: string): string {
  const known = buckets.get(address);
  if (known !== undefined) return known;
  // Emptied when full rather than evicting one by one: the hot addresses come back at once.
  if (buckets.size >= MAX_BUCKETS) buckets.clear();
  const bucket = bucketOf(address);
  buckets.set(address, bucket);
  return bucket;
}

/** Addresses seen lately and their buckets: a client sends many requests, parsed once. */
const buckets = new Map<string, string>();
const MAX_BUCKETS = 4096;

function bucketOf(address: string): string {
  const text = address.trim();
  // The common case, IPv4 as sockets report it, without building anything.
  if (!text.includes(':')) {
    const v4 = ipv4Parts(text);
    if (!v4) return text.slice(0, 64);
    // Leading zeros would otherwise make one address several buckets.
    return LEADING_ZERO.test(text) ? v4.join('.') : text;
  }
  const zoneless = text.replace(/%.*$/, '').replace(/^\[|\]$/g, '');
  const groups = ipv6Groups(zoneless);
  if (!groups) return text.slice(0, 64);
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const high = groups[6] ?? 0;
    const low = groups[7] ?? 0;
    return [high >> 8, high & 255, low >> 8, low & 255].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}
