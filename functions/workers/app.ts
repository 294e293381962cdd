import { createFunctionApp } from '../../shared/http/function-app';
import type { Runtime } from '../../shared/runtime';
import { outboxRoutes } from './routes/outbox';
import { probeRoutes } from './routes/probe';
import { recordProbeRun } from '../../shared/testing/probe';
import { backlogAgeSeconds } from '../../shared/outbox';

/** Private routes that belong to no product function: outbox relay, probes. */
export function createWorkersApp(rt: Runtime) {
  const app = createFunctionApp('workers', rt);
  app.route(
    '/',
    outboxRoutes(rt.relay, rt.logger, () => backlogAgeSeconds(rt.db)),
  );
  if (rt.env.ENABLE_TEST_ROUTES)
    app.route(
      '/',
      probeRoutes((id) => recordProbeRun(rt.db, id)),
    );
  return app;
}
