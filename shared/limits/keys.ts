import { isIPv4, isIPv6 } from 'node:net';

/** Every client whose address is unknown shares this one key: an unknown address is not "no limit". */
export const UNKNOWN_IP = 'unknown';

/**
 * The key a client address is limited by (SPEC §13): an IPv4 address as it is; an IPv6 address by its
 * /64, the block one subscriber is given, so rotating through it buys nothing; an IPv4-mapped IPv6
 * address as the IPv4 address it carries.
 */
export function ipKey(ip: string | undefined | null): string {
  const raw = ip?.trim();
  if (!raw) return UNKNOWN_IP;
  if (isIPv4(raw)) return raw;
  const bare = raw.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!isIPv6(bare)) return UNKNOWN_IP;
  const groups = expandIpv6(bare);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `${groups[6]! >> 8}.${groups[6]! & 255}.${groups[7]! >> 8}.${groups[7]! & 255}`;
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a trailing dotted quad folded in). */
function expandIpv6(address: string): number[] {
  let text = address.toLowerCase();
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((g) => parseInt(g, 16));
}
