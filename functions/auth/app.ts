import { AuthService } from '../../shared/auth/service';
import { EnvError } from '../../shared/env';
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
  // Only the function that sends codes cares: the stub logs them, so production refuses it here.
  if (rt.env.NODE_ENV === 'production' && rt.otpProvider.name === 'stub') {
    throw new EnvError(['OTP_PROVIDER: the stub provider logs codes and must not run in production']);
  }
  const app = createFunctionApp('auth', rt);
  const auth = authService(rt);
  const guards = { accessTokens: rt.accessTokens, permissions: rt.permissions };
  app.route('/', sharedAuthRoutes(auth, guards));
  app.route('/', customerAuthRoutes(auth, guards));
  app.route('/', mitraAuthRoutes(auth, guards));
  app.route('/', controlCenterAuthRoutes(auth, guards, rt.env.REFRESH_TOKEN_TTL_DAYS));
  return app;
}
