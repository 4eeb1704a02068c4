// Which addresses a webhook may never be delivered to (README "Webhooks", the SSRF rule): a
// funder's URL must not make Vangnet's own servers reach into its network, its cloud's metadata
// service or itself. A pure function over one resolved address, so the whole rule is testable
// without connecting anywhere; the delivery resolves the host and checks every address.

/** Why an address is refused: the range it lies in. */
export const FORBIDDEN_REASONS = ['not_an_address', 'unspecified', 'loopback', 'private', 'shared', 'link_local', 'metadata', 'multicast', 'broadcast', 'reserved', 'documentation'] as const;
export type ForbiddenReason = (typeof FORBIDDEN_REASONS)[number];

type Range4 = readonly [string, number, ForbiddenReason];

// The first match wins: the metadata and broadcast addresses sit inside wider ranges.
const IPV4_RANGES: readonly Range4[] = [
  ['169.254.169.254', 32, 'metadata'],
  ['255.255.255.255', 32, 'broadcast'],
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link_local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

/** A dotted quad as an unsigned 32-bit number, or null. */
function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return value;
}

function inRange4(address: number, base: string, bits: number): boolean {
  if (bits === 0) return true;
  const size = 2 ** (32 - bits);
  const start = parseIpv4(base)!;
  return address >= start && address < start + size;
}

function reasonOf4(address: number): ForbiddenReason | null {
  return IPV4_RANGES.find(([base, bits]) => inRange4(address, base, bits))?.[2] ?? null;
}

/** An IPv6 address as its eight 16-bit groups (a zone `%eth0` dropped, a trailing dotted quad read), or null. */
function parseIpv6(text: string): number[] | null {
  let rest = text.replace(/%.*$/, '').toLowerCase();
  const groups: number[] = [];
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(rest);
  let tail: number[] = [];
  if (quad) {
    const v4 = parseIpv4(quad[1]!);
    if (v4 === null) return null;
    tail = [Math.floor(v4 / 65536), v4 % 65536];
    rest = rest.slice(0, -quad[1]!.length);
    if (rest.endsWith(':') && !rest.endsWith('::')) rest = rest.slice(0, -1);
  }
  const halves = rest.split('::');
  if (halves.length > 2) return null;
  const read = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    for (const g of part.split(':')) {
      if (!/^[0-9a-f]{1,4}$/.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = read(halves[0]!);
  const after = halves.length === 2 ? read(halves[1]!) : [];
  if (!head || !after) return null;
  const given = head.length + after.length + tail.length;
  if (halves.length === 2) {
    if (given > 7) return null;
    groups.push(...head, ...new Array<number>(8 - given).fill(0), ...after, ...tail);
  } else {
    if (given !== 8) return null;
    groups.push(...head, ...tail);
  }
  return groups;
}

/** Whether the first `bits` bits of `groups` equal those of `prefix` (groups, shorter is zero-filled). */
function hasPrefix(groups: readonly number[], prefix: readonly number[], bits: number): boolean {
  for (let i = 0; i * 16 < bits; i++) {
    const take = Math.min(16, bits - i * 16);
    const mask = (0xffff << (16 - take)) & 0xffff;
    if (((groups[i] ?? 0) & mask) !== ((prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

const v4From = (high: number, low: number) => high * 65536 + low;

function reasonOf6(g: readonly number[]): ForbiddenReason | null {
  const zeros = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeros(8)) return 'unspecified';
  if (zeros(7) && g[7] === 1) return 'loopback';
  // An IPv4 address written as IPv6 is the IPv4 address: mapped (::ffff:a.b.c.d), compatible
  // (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::) all reach it.
  if (zeros(5) && g[5] === 0xffff) return reasonOf4(v4From(g[6]!, g[7]!));
  if (zeros(6)) return reasonOf4(v4From(g[6]!, g[7]!));
  if (hasPrefix(g, [0x64, 0xff9b], 96)) return reasonOf4(v4From(g[6]!, g[7]!));
  if (hasPrefix(g, [0x64, 0xff9b, 1], 48)) return 'private';
  if (hasPrefix(g, [0x2002], 16)) return reasonOf4(v4From(g[1]!, g[2]!));
  // AWS's instance metadata service over IPv6 lies inside the unique local range.
  if (hasPrefix(g, [0xfd00, 0x0ec2, 0, 0, 0, 0, 0, 0x254], 128)) return 'metadata';
  if (hasPrefix(g, [0xfc00], 7)) return 'private';
  if (hasPrefix(g, [0xfe80], 10)) return 'link_local';
  // Site-local, deprecated but still routed inside some networks.
  if (hasPrefix(g, [0xfec0], 10)) return 'private';
  if (hasPrefix(g, [0xff00], 8)) return 'multicast';
  if (hasPrefix(g, [0x2001, 0x0db8], 32)) return 'documentation';
  if (hasPrefix(g, [0x0100], 64)) return 'reserved';
  return null;
}

/**
 * Why a webhook may not be delivered to this IP address (IPv4 or IPv6, as `dns.lookup` gives it),
 * or null when it may. Anything that is not an IP address is refused too.
 */
export function forbiddenAddress(ip: string): ForbiddenReason | null {
  const v4 = parseIpv4(ip);
  if (v4 !== null) return reasonOf4(v4);
  if (!ip.includes(':')) return 'not_an_address';
  const v6 = parseIpv6(ip);
  return v6 ? reasonOf6(v6) : 'not_an_address';
}

/** Host names that always mean this machine, whatever DNS says (RFC 6761). */
export function isLocalHostName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

/** Why a webhook URL is refused before any DNS is asked: its scheme, or a host that is a forbidden address by itself. */
export type UrlRefusal = { code: 'webhook.https_only' } | { code: 'webhook.private_address'; reason: ForbiddenReason };

/** A URL's host as an address or name: `[::1]` → `::1`. */
export const hostOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * The write-time rule: https only, and no literal forbidden address or localhost name, unless
 * private addresses are allowed (development and tests). Names are checked again, after DNS, at
 * every delivery.
 */
export function refusedUrl(url: URL, allowPrivate: boolean): UrlRefusal | null {
  if (allowPrivate) return null;
  if (url.protocol !== 'https:') return { code: 'webhook.https_only' };
  const host = hostOf(url);
  if (isLocalHostName(host)) return { code: 'webhook.private_address', reason: 'loopback' };
  const literal = /^[\d.]+$/.test(host) || host.includes(':');
  const reason = literal ? forbiddenAddress(host) : null;
  return reason ? { code: 'webhook.private_address', reason } : null;
}
