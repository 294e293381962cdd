import { createFunctionApp } from '../../shared/http/function-app';
import type { Runtime } from '../../shared/runtime';
import { outboxRoutes } from './routes/outbox';
import { backlogAgeSeconds } from '../../shared/outbox';

/** Private routes that belong to no product function: the outbox relay's scheduled drain. */
export function createWorkersApp(rt: Runtime) {
  const app = createFunctionApp('workers', rt);
  app.route(
    '/',
    outboxRoutes(rt.relay, rt.logger, () => backlogAgeSeconds(rt.db)),
  );
  return app;
}
