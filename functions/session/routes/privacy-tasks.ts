import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { PRIVACY_PATHS, runEraseStep, runReleaseHold, runRetention, type PrivacyDeps } from '../../../shared/privacy';
import {
  EraseStepTaskSchema,
  ReleaseHoldTaskSchema,
  RetentionRoundSchema,
  RetentionTaskSchema,
} from '../privacy-schemas';

const tags = ['private'];
const handled = { 204: { description: 'Handled; a late, duplicated or stale task changes nothing' } };

export const taskEraseStepRoute = defineRoute(access.oidc, {
  method: 'post',
  path: PRIVACY_PATHS.eraseStep,
  operationId: 'taskPrivacyEraseStep',
  tags,
  summary: 'One step of an account deletion, then the next one queued (acts only if the erasure is still there)',
  request: jsonBody(EraseStepTaskSchema),
  responses: handled,
});

export const taskReleaseHoldRoute = defineRoute(access.oidc, {
  method: 'post',
  path: PRIVACY_PATHS.releaseHold,
  operationId: 'taskPrivacyReleaseHold',
  tags,
  summary: 'A report closed: a deleted user’s messages in its session are emptied, unless another report is open',
  request: jsonBody(ReleaseHoldTaskSchema),
  responses: handled,
});

export const taskRetentionRoute = defineRoute(access.oidc, {
  method: 'post',
  path: PRIVACY_PATHS.retention,
  operationId: 'taskPrivacyRetention',
  tags,
  summary: 'Cloud Scheduler, daily: message bodies, delivered outbox rows, OTP and auth records past retention',
  request: jsonBody(RetentionTaskSchema),
  responses: { 200: jsonResponse('One round done', RetentionRoundSchema) },
});

export function privacyTaskRoutes(deps: PrivacyDeps) {
  return createRouter()
    .openapi(taskEraseStepRoute, async (c) => {
      await runEraseStep(deps, c.req.valid('json'));
      return c.body(null, 204);
    })
    .openapi(taskReleaseHoldRoute, async (c) => {
      await runReleaseHold(deps, c.req.valid('json'));
      return c.body(null, 204);
    })
    .openapi(taskRetentionRoute, async (c) => c.json(await runRetention(deps, c.req.valid('json')), 200));
}
