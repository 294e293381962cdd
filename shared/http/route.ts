import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { ErrorCode } from '../errors';
import { type Permission } from '../users';
import {
  optionalUser,
  requireCcUser,
  requireCustomer,
  requireMitra,
  requireMobileUser,
  requirePermission,
} from './auth-middleware';
import { statusOf } from './error-status';
import { ErrorEnvelopeSchema } from './schemas';

/** Who may call a route: its middleware, its OpenAPI security requirement and the errors that implies. */
export interface Access<M extends MiddlewareHandler[] = MiddlewareHandler[]> {
  middleware: M;
  security: Array<Record<string, string[]>>;
  errors: readonly ErrorCode[];
  permission?: Permission;
}

/** A mutable tuple: zod-openapi derives the handler's context (the typed principal) from it. */
const mw = <T extends MiddlewareHandler[]>(...m: T): T => m;

const BEARER_ERRORS = ['AUTH_MISSING', 'TOKEN_INVALID', 'TOKEN_EXPIRED', 'FORBIDDEN'] as const;
const bearerAuth = { bearerAuth: [] };
const iap = { iapAssertion: [] };

export const SECURITY_SCHEMES = {
  bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Our access token (SPEC §4)' },
  iapAssertion: {
    type: 'apiKey',
    in: 'header',
    name: 'x-goog-iap-jwt-assertion',
    description: 'Signed by Identity-Aware Proxy in front of /internal/* (checked when IAP_AUDIENCE is set)',
  },
  ccRefreshCookie: { type: 'apiKey', in: 'cookie', name: 'cc_refresh_token', description: 'Control-center refresh' },
  oidc: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'Google-signed OIDC token of the Cloud Tasks / Pub/Sub invoker service account',
  },
  callbackToken: { type: 'apiKey', in: 'header', name: 'x-callback-token', description: 'Xendit callback token' },
} as const;

export const access = {
  public: { middleware: mw(), security: [], errors: [] },
  customer: { middleware: mw(requireCustomer), security: [bearerAuth], errors: BEARER_ERRORS },
  mitra: { middleware: mw(requireMitra), security: [bearerAuth], errors: BEARER_ERRORS },
  mobileUser: { middleware: mw(requireMobileUser), security: [bearerAuth], errors: BEARER_ERRORS },
  /** A bearer token is optional (a guest upgrading signs in with its own token). */
  optionalUser: {
    middleware: mw(optionalUser),
    security: [{}, bearerAuth],
    errors: ['TOKEN_INVALID', 'TOKEN_EXPIRED'],
  },
  /** Behind IAP, no access token (control-center sign-in). */
  iap: { middleware: mw(), security: [iap], errors: ['IAP_REQUIRED'] },
  iapCookie: { middleware: mw(), security: [{ ...iap, ccRefreshCookie: [] }], errors: ['IAP_REQUIRED'] },
  ccUser: {
    middleware: mw(requireCcUser),
    security: [{ ...bearerAuth, ...iap }],
    errors: [...BEARER_ERRORS, 'IAP_REQUIRED'],
  },
  permission: <P extends Permission>(permission: P) => ({
    middleware: mw(requirePermission(permission)),
    security: [{ ...bearerAuth, ...iap }],
    errors: [...BEARER_ERRORS, 'IAP_REQUIRED'] as const,
    permission,
  }),
  /** Cloud Tasks / Pub/Sub push: the function shell verifies the OIDC token on /tasks/* and /events/*. */
  oidc: { middleware: mw(), security: [{ oidc: [] }], errors: ['AUTH_MISSING', 'TOKEN_INVALID'] },
  /** Provider webhooks: the handler checks the provider's token itself. */
  webhook: { middleware: mw(), security: [{ callbackToken: [] }], errors: ['CALLBACK_TOKEN_INVALID'] },
} satisfies Record<string, Access | ((p: Permission) => Access)>;

const BODY_METHODS = new Set(['post', 'put', 'patch', 'delete']);

type RouteSpec = Omit<RouteConfig, 'middleware' | 'security'> & {
  operationId: string;
  /** One line for the generated clients and the reference page (the linter requires it). */
  summary: string;
  /** The catalogue codes this route's own logic can answer (auth, validation and limits are added). */
  errors?: readonly ErrorCode[];
};

/** Error responses grouped by status, each with the envelope schema and the codes it may carry. */
export function errorResponses(codes: Iterable<ErrorCode>) {
  const byStatus = new Map<number, Set<ErrorCode>>();
  for (const code of codes) {
    const status = statusOf(code);
    byStatus.set(status, (byStatus.get(status) ?? new Set()).add(code));
  }
  const responses: Record<number, unknown> = {};
  for (const [status, set] of [...byStatus].sort(([a], [b]) => a - b)) {
    const list = [...set].sort();
    responses[status] = {
      description: `Error: ${list.join(', ')}`,
      content: { 'application/json': { schema: ErrorEnvelopeSchema } },
      'x-error-codes': list,
    };
  }
  return responses;
}

/**
 * Declares a route once: its access (middleware + security), its documented success responses and
 * every error it can answer. Validation (400), the body limit (413) and 500 are implied for all.
 */
export function defineRoute<const A extends Access, const R extends RouteSpec>(a: A, route: R) {
  const implied: ErrorCode[] = ['BAD_REQUEST', 'INTERNAL'];
  if (BODY_METHODS.has(route.method)) implied.push('PAYLOAD_TOO_LARGE');
  const codes = new Set<ErrorCode>([...implied, ...a.errors, ...(route.errors ?? [])]);
  const { errors: _errors, ...rest } = route;
  return createRoute({
    ...rest,
    middleware: a.middleware,
    security: a.security,
    ...(a.permission ? { 'x-permission': a.permission } : {}),
    responses: { ...errorResponses(codes), ...route.responses } as R['responses'],
  }) as unknown as Omit<R, 'errors'> & { middleware: A['middleware'] };
}
