import { AuthService } from '../../shared/auth/service';
import { createFunctionApp } from '../../shared/http/function-app';
import type { Runtime } from '../../shared/runtime';
import { controlCenterAuthRoutes } from './routes/control-center';
import { customerAuthRoutes } from './routes/customer';
import { mitraAuthRoutes } from './routes/mitra';
import { sharedAuthRoutes } from './routes/shared';

export function authService(rt: Runtime): AuthService {
  return new AuthService({
    db: rt.db,
    clock: rt.clock,
    config: rt.config,
    tokens: rt.accessTokens,
    permissions: rt.permissions,
    otpProvider: rt.otpProvider,
    idTokens: rt.idTokens,
    firebase: rt.firebase,
    refreshPolicy: rt.refreshPolicy,
    logger: rt.logger,
  });
}

export function createAuthApp(rt: Runtime) {
  const app = createFunctionApp('auth', rt);
  const auth = authService(rt);
  const guards = { accessTokens: rt.accessTokens, permissions: rt.permissions };
  app.route('/', sharedAuthRoutes(auth, guards));
  app.route('/', customerAuthRoutes(auth, guards));
  app.route('/', mitraAuthRoutes(auth, guards));
  app.route('/', controlCenterAuthRoutes(auth, guards, rt.env.REFRESH_TOKEN_TTL_DAYS));
  return app;
}
