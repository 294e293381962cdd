import { z } from '@hono/zod-openapi';
import { adminResetPassword, type AuthDeps, changeOwnPassword, createCcUser } from '../../../shared/auth';
import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { IdParam } from '../../../shared/http/schemas';
import { access, defineRoute } from '../../../shared/http/route';
import { ControlCenterUser } from '../schemas';
import { NameText } from '../../../shared/http/schemas';

const tags = ['auth: control center'];
const PASSWORD_RULES = [
  'PASSWORD_TOO_SHORT',
  'PASSWORD_MISSING_DIGIT',
  'PASSWORD_MISSING_UPPERCASE',
  'PASSWORD_MISSING_LOWERCASE',
] as const;
const Password = z.string().max(200);

const CreateCcUserBody = z
  .object({
    email: z.string().trim().email().max(254),
    password: Password,
    display_name: NameText(80),
    role: z.string().min(1).max(64),
  })
  .openapi('CreateControlCenterUser');
const ChangeOwnPasswordBody = z
  .object({ current_password: z.string().min(1).max(200), new_password: Password })
  .openapi('ChangeOwnPassword');
const ResetPasswordBody = z.object({ new_password: Password }).openapi('ResetPassword');

export const createCcUserRoute = defineRoute(access.permission('control_center_users:create'), {
  method: 'post',
  path: '/internal/control-center-users',
  operationId: 'ccCreateUser',
  tags,
  summary: 'An unknown role is 400 (details.issues on role)',
  request: jsonBody(CreateCcUserBody),
  responses: { 201: jsonResponse('Created', ControlCenterUser) },
  errors: [...PASSWORD_RULES, 'EMAIL_TAKEN'],
});

export const changeOwnPasswordRoute = defineRoute(access.ccUser, {
  method: 'patch',
  path: '/internal/control-center-users/me/password',
  operationId: 'ccChangeOwnPassword',
  summary: 'Change your own password (revokes your other sessions)',
  tags,
  request: jsonBody(ChangeOwnPasswordBody),
  responses: { 204: { description: 'Changed; the other sessions are revoked' } },
  errors: [...PASSWORD_RULES, 'INVALID_CREDENTIALS'],
});

export const resetPasswordRoute = defineRoute(access.permission('control_center_users:update'), {
  method: 'patch',
  path: '/internal/control-center-users/{id}/password',
  operationId: 'ccResetUserPassword',
  summary: "Reset another operator's password (revokes their sessions)",
  tags,
  request: { params: IdParam, ...jsonBody(ResetPasswordBody) },
  responses: { 204: { description: 'Reset; the user’s sessions are revoked' } },
  errors: [...PASSWORD_RULES, 'NOT_FOUND'],
});

export function controlCenterUserRoutes(deps: AuthDeps) {
  return createRouter()
    .openapi(createCcUserRoute, async (c) => c.json(await createCcUser(deps, c.req.valid('json')), 201))
    .openapi(changeOwnPasswordRoute, async (c) => {
      const b = c.req.valid('json');
      await changeOwnPassword(deps, c.var.principal, { current: b.current_password, next: b.new_password });
      return c.body(null, 204);
    })
    .openapi(resetPasswordRoute, async (c) => {
      await adminResetPassword(deps, c.req.valid('param').id, c.req.valid('json').new_password);
      return c.body(null, 204);
    });
}
