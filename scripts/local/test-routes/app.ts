import { createFunctionApp } from '../../../shared/http/function-app';
import type { Runtime } from '../../../shared/runtime';
import { testClockRoutes } from './clock';
import { testOtpRoutes } from './otp';
import { testProbeRoutes } from './probe';
import { recordProbeRun, PROBE_TASK_PATH } from './probe-runs';
import { probeRoutes } from './probe-task';
import { testPushRoutes } from './push';
import { testRealtimeRoutes } from './realtime';
import { testSeedMitraRoutes } from './seed-mitra';

/** The paths the local stack serves itself, in front of the load balancer's table. */
export const TEST_ROUTE_PREFIXES = ['/internal/_test/', PROBE_TASK_PATH] as const;

export const isTestRoute = (path: string) => TEST_ROUTE_PREFIXES.some((p) => path.startsWith(p));

/**
 * The local stack's test routes (SPEC §11): seed a mitra, move the clock, read recorded pushes, OTP codes
 * and Firestore documents, run a probe timer. Mounted by the local gateway alone, and only with
 * ENABLE_TEST_ROUTES=true; no function's production entry reaches this folder.
 */
export function createTestRoutesApp(rt: Runtime) {
  // No token and no IAP assertion (SPEC §11: "no token needed"), whatever IAP the stack is configured with.
  return createFunctionApp('internal', rt, { iap: false })
    .route('/', testClockRoutes(rt))
    .route('/', testPushRoutes(rt))
    .route('/', testRealtimeRoutes(rt))
    .route('/', testProbeRoutes(rt))
    .route('/', testOtpRoutes(rt))
    .route('/', testSeedMitraRoutes(rt))
    .route(
      '/',
      probeRoutes((id) => recordProbeRun(rt.db, id)),
    );
}
