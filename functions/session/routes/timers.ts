import { createRouter } from '../../../shared/http/function-app';
import { jsonBody } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import {
  closingGraceEnded,
  expireSession,
  extensionTimedOut,
  extensionWindowClosed,
  paymentHoldEnded,
  SESSION_PATHS,
  type SessionsDeps,
} from '../../../shared/sessions';
import { ExtensionTimeoutTaskSchema, SessionTimerTaskSchema } from '../schemas';

const tags = ['private'];
const handled = { 204: { description: 'Handled; a late, duplicated or stale task changes nothing' } };

const timer = (path: string, operationId: string, summary: string) =>
  defineRoute(access.oidc, {
    method: 'post',
    path,
    operationId,
    tags,
    summary,
    request: jsonBody(SessionTimerTaskSchema),
    responses: handled,
  });

export const taskExpireRoute = timer(SESSION_PATHS.expire, 'taskSessionExpire', 'At ends_at: active → expired');
export const taskExtensionWindowRoute = timer(
  SESSION_PATHS.extensionWindow,
  'taskSessionExtensionWindow',
  'Extension window over with no extension asked: expired → closing',
);
export const taskClosingGraceRoute = timer(
  SESSION_PATHS.closingGrace,
  'taskSessionClosingGrace',
  'closing_grace_seconds after closing: → completed',
);
export const taskPaymentHoldRoute = timer(
  SESSION_PATHS.paymentHold,
  'taskSessionPaymentHold',
  'payment_hold_seconds after a paid session started waiting: still unpaid → cancelled, the mitra freed',
);
export const taskExtensionTimeoutRoute = defineRoute(access.oidc, {
  method: 'post',
  path: SESSION_PATHS.extensionTimeout,
  operationId: 'taskSessionExtensionTimeout',
  tags,
  summary: 'The mitra did not answer in time: requested → timed_out, session → closing',
  request: jsonBody(ExtensionTimeoutTaskSchema),
  responses: handled,
});

export function timerRoutes(deps: SessionsDeps) {
  return createRouter()
    .openapi(taskExpireRoute, async (c) => {
      const b = c.req.valid('json');
      await expireSession(deps, b.session_id, b.version);
      return c.body(null, 204);
    })
    .openapi(taskExtensionWindowRoute, async (c) => {
      const b = c.req.valid('json');
      await extensionWindowClosed(deps, b.session_id, b.version);
      return c.body(null, 204);
    })
    .openapi(taskClosingGraceRoute, async (c) => {
      const b = c.req.valid('json');
      await closingGraceEnded(deps, b.session_id, b.version);
      return c.body(null, 204);
    })
    .openapi(taskPaymentHoldRoute, async (c) => {
      const b = c.req.valid('json');
      await paymentHoldEnded(deps, b.session_id, b.version);
      return c.body(null, 204);
    })
    .openapi(taskExtensionTimeoutRoute, async (c) => {
      await extensionTimedOut(deps, c.req.valid('json').extension_id);
      return c.body(null, 204);
    });
}
