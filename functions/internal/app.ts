import { controlCenterDeps } from '../../shared/controlcenter';
import { createFunctionApp } from '../../shared/http/function-app';
import type { Runtime } from '../../shared/runtime';
import { controlCenterRoutes } from './routes/control-center';
import { testClockRoutes } from './routes/test-clock';
import { testOtpRoutes } from './routes/test-otp';
import { testProbeRoutes } from './routes/test-probe';
import { testPushRoutes } from './routes/test-push';
import { testRealtimeRoutes } from './routes/test-realtime';
import { testSeedMitraRoutes } from './routes/test-seed-mitra';

export function createInternalApp(rt: Runtime) {
  const app = createFunctionApp('internal', rt);
  app.route('/', controlCenterRoutes(controlCenterDeps(rt)));
  if (rt.env.ENABLE_TEST_ROUTES) {
    app.route('/', testClockRoutes(rt));
    app.route('/', testPushRoutes(rt));
    app.route('/', testRealtimeRoutes(rt));
    app.route('/', testProbeRoutes(rt));
    app.route('/', testOtpRoutes(rt));
    app.route('/', testSeedMitraRoutes(rt));
  }
  return app;
}
