import { type AuthDeps, mintFirebaseToken } from '../../../shared/auth';
import { createRouter } from '../../../shared/http/function-app';
import { jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { FirebaseToken } from '../schemas';

export const firebaseTokenRoute = defineRoute(access.mobileUser, {
  method: 'post',
  path: '/api/shared/auth/firebase-token',
  operationId: 'sharedFirebaseToken',
  tags: ['auth: shared'],
  summary: 'A Firebase custom token (uid c_<id> / m_<id>, claim user_type) for the app’s Firestore listeners',
  responses: { 200: jsonResponse('Firebase custom token', FirebaseToken) },
  errors: ['PROVIDER_NOT_CONFIGURED'],
});

export function firebaseRoutes(deps: AuthDeps) {
  return createRouter().openapi(firebaseTokenRoute, async (c) =>
    c.json(await mintFirebaseToken(deps, c.var.principal), 200),
  );
}
