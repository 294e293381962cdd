export const FUNCTION_NAMES = [
  'auth',
  'pairing',
  'session',
  'config',
  'payment-webhook',
  'internal',
  'workers',
] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

/**
 * The load balancer's path table (longest prefix wins). The local gateway routes with it and
 * Terraform's URL map is checked against it, so the two cannot drift.
 */
export const PATH_TABLE: ReadonlyArray<{ prefix: string; fn: FunctionName }> = [
  { prefix: '/.well-known/', fn: 'auth' },
  { prefix: '/api/shared/auth/', fn: 'auth' },
  { prefix: '/api/client/auth/', fn: 'auth' },
  { prefix: '/api/mitra/auth/', fn: 'auth' },
  { prefix: '/api/shared/device-token', fn: 'auth' },
  { prefix: '/internal/auth/', fn: 'auth' },
  { prefix: '/internal/control-center-users', fn: 'auth' },
  { prefix: '/api/shared/config', fn: 'config' },
  { prefix: '/internal/config', fn: 'config' },
  { prefix: '/api/mitra/status', fn: 'pairing' },
  { prefix: '/api/client/availability', fn: 'pairing' },
  { prefix: '/api/client/chat/', fn: 'pairing' },
  { prefix: '/api/mitra/requests/', fn: 'pairing' },
  { prefix: '/tasks/pairing/', fn: 'pairing' },
  { prefix: '/events/pairing/', fn: 'pairing' },
  { prefix: '/api/client/sessions', fn: 'session' },
  { prefix: '/api/mitra/sessions', fn: 'session' },
  { prefix: '/api/client/reports', fn: 'session' },
  { prefix: '/api/mitra/reports', fn: 'session' },
  { prefix: '/tasks/sessions/', fn: 'session' },
  { prefix: '/api/client/account', fn: 'session' },
  { prefix: '/api/mitra/account', fn: 'session' },
  { prefix: '/tasks/privacy/', fn: 'session' },
  { prefix: '/webhooks/', fn: 'payment-webhook' },
  { prefix: '/tasks/payments/', fn: 'payment-webhook' },
  { prefix: '/internal/', fn: 'internal' },
  { prefix: '/tasks/', fn: 'workers' },
  { prefix: '/events/', fn: 'workers' },
];

export function functionForPath(path: string): FunctionName | undefined {
  let best: { prefix: string; fn: FunctionName } | undefined;
  for (const row of PATH_TABLE) {
    if (path.startsWith(row.prefix) && (!best || row.prefix.length > best.prefix.length)) best = row;
  }
  return best?.fn;
}
