import { z } from '@hono/zod-openapi';
import { type AuthDeps, putDeviceToken, removeDeviceToken } from '../../../shared/auth';
import { createRouter } from '../../../shared/http/function-app';
import { jsonBody } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';

const tags = ['auth: shared'];
const DeviceId = z.string().min(1).max(200);
const DeviceTokenBody = z
  .object({ fcm_token: z.string().min(10).max(4096), device_id: DeviceId, platform: z.enum(['android', 'ios']) })
  .openapi('DeviceTokenBody');
const DeviceTokenDelete = z.object({ device_id: DeviceId }).openapi('DeviceTokenDelete');

export const putDeviceTokenRoute = defineRoute(access.mobileUser, {
  method: 'put',
  path: '/api/shared/device-token',
  operationId: 'sharedPutDeviceToken',
  tags,
  summary: 'Upsert per (user, device), 20 an hour per user; the token leaves any other user or device it had',
  request: jsonBody(DeviceTokenBody),
  responses: { 204: { description: 'Stored' } },
  errors: ['RATE_LIMITED'],
});

export const deleteDeviceTokenRoute = defineRoute(access.mobileUser, {
  method: 'delete',
  path: '/api/shared/device-token',
  operationId: 'sharedDeleteDeviceToken',
  summary: "Forget this device's FCM token",
  tags,
  request: jsonBody(DeviceTokenDelete),
  responses: { 204: { description: 'Removed (idempotent)' } },
});

export function deviceRoutes(deps: AuthDeps) {
  return createRouter()
    .openapi(putDeviceTokenRoute, async (c) => {
      const b = c.req.valid('json');
      await putDeviceToken(deps, c.var.principal, {
        deviceId: b.device_id,
        fcmToken: b.fcm_token,
        platform: b.platform,
      });
      return c.body(null, 204);
    })
    .openapi(deleteDeviceTokenRoute, async (c) => {
      await removeDeviceToken(deps, c.var.principal, c.req.valid('json').device_id);
      return c.body(null, 204);
    });
}
