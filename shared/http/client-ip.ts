/**
 * Google's external load balancer appends `<client-ip>, <lb-ip>` to X-Forwarded-For, so the
 * client is the entry before the last; anything earlier was sent by the caller and is untrusted.
 */
export function clientIpFromForwardedFor(header: string | undefined | null): string | undefined {
  if (!header) return undefined;
  const parts = header
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length >= 2) return parts[parts.length - 2];
  return parts[0];
}
