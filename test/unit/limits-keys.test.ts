import { describe, expect, it } from 'vitest';
import { ipKey, LIMITS, UNKNOWN_IP } from '../../shared/limits';
import { defaultConfig } from '../../shared/config';

describe('ipKey (SPEC §13: IPv4 as it is, IPv6 by its /64, unknown as one shared key)', () => {
  it('keeps an IPv4 address', () => {
    expect(ipKey('203.0.113.7')).toBe('203.0.113.7');
    expect(ipKey(' 198.51.100.1 ')).toBe('198.51.100.1');
  });

  it('keys every address of one /64 alike, in any spelling', () => {
    const a = ipKey('2001:db8:abcd:12::1');
    expect(a).toBe('2001:db8:abcd:12::/64');
    for (const same of [
      '2001:0db8:abcd:0012:ffff:ffff:ffff:ffff',
      '2001:DB8:ABCD:12:1:2:3:4',
      '[2001:db8:abcd:12::9]',
      'fe80::1%eth0'.replace('fe80::1', '2001:db8:abcd:12::1'),
    ])
      expect(ipKey(same)).toBe(a);
    expect(ipKey('2001:db8:abcd:13::1')).not.toBe(a);
    expect(ipKey('::')).toBe('0:0:0:0::/64');
    expect(ipKey('2001:db8::')).toBe('2001:db8:0:0::/64');
    expect(ipKey('2001:db8:1:2:3:4:1.2.3.4')).toBe('2001:db8:1:2::/64');
  });

  it('reads an IPv4-mapped IPv6 address as its IPv4 address', () => {
    expect(ipKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(ipKey('::ffff:cb00:7107')).toBe('203.0.113.7');
  });

  it('puts every unknown or unreadable address under one key', () => {
    for (const unknown of [undefined, null, '', '  ', 'not-an-ip', '999.1.1.1', '1:2:3'])
      expect(ipKey(unknown)).toBe(UNKNOWN_IP);
  });
});

describe('the limits catalogue', () => {
  it('turns SPEC §13 defaults into buckets: capacity = the limit, refill = limit / period', () => {
    const l = defaultConfig().limits;
    expect(LIMITS.guest_signup(l, '203.0.113.7', 'dev-1')).toEqual([
      { key: 'signup:ip:203.0.113.7', capacity: 20, refillPerSecond: 20 / 3600 },
      { key: 'signup:device:dev-1', capacity: 3, refillPerSecond: 3 / 86400 },
    ]);
    expect(LIMITS.guest_signup(l, UNKNOWN_IP)).toHaveLength(1);
    expect(LIMITS.chat_request(l, 'c1', 'dev-1').map((b) => [b.capacity, b.refillPerSecond * 3600])).toEqual([
      [10, 10],
      [20, 20 / 24],
    ]);
    expect(LIMITS.report(l, 'mitra', 'm1')).toEqual([
      { key: 'report:mitra:m1', capacity: 10, refillPerSecond: 10 / 86400 },
    ]);
    expect(LIMITS.device_token(l, 'customer', 'c1')[0]).toMatchObject({ capacity: 20, refillPerSecond: 20 / 3600 });
  });
});
