import { authDeps } from '../../shared/auth';
import { createFunctionApp } from '../../shared/http/function-app';
import type { Runtime } from '../../shared/runtime';
import { authAdapters } from './adapters';
import { anonymousRoutes } from './routes/anonymous';
import { ccUserListRoutes } from './routes/cc-users-list';
import { controlCenterSessionRoutes } from './routes/control-center-session';
import { controlCenterUserRoutes } from './routes/control-center-users';
import { deviceRoutes } from './routes/devices';
import { firebaseRoutes } from './routes/firebase';
import { otpRoutes } from './routes/otp';
import { profileRoutes } from './routes/profile';
import { socialRoutes } from './routes/social';
import { tokenRoutes } from './routes/tokens';

export function createAuthApp(rt: Runtime) {
  const deps = authDeps(rt, authAdapters(rt));
  return createFunctionApp('auth', rt)
    .route('/', anonymousRoutes(deps))
    .route('/', tokenRoutes(deps))
    .route('/', otpRoutes(deps))
    .route('/', socialRoutes(deps))
    .route('/', profileRoutes(deps))
    .route('/', deviceRoutes(deps))
    .route('/', firebaseRoutes(deps))
    .route('/', controlCenterSessionRoutes(deps))
    .route('/', controlCenterUserRoutes(deps))
    .route('/', ccUserListRoutes(deps));
}
