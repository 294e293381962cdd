import { describe, expect, it } from 'vitest';
import { clientIpFromForwardedFor } from '../../shared/http/client-ip';

describe('clientIpFromForwardedFor', () => {
  it('takes the entry before the load balancer', () => {
    expect(clientIpFromForwardedFor('203.0.113.7, 130.211.0.1')).toBe('203.0.113.7');
  });
  it('ignores what the caller prepended', () => {
    expect(clientIpFromForwardedFor('1.1.1.1, 203.0.113.7, 130.211.0.1')).toBe('203.0.113.7');
  });
  it('handles a single entry and no header', () => {
    expect(clientIpFromForwardedFor('203.0.113.7')).toBe('203.0.113.7');
    expect(clientIpFromForwardedFor(undefined)).toBeUndefined();
  });
});
