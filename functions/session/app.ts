import { createFunctionApp } from '../../shared/http/function-app';
import { mitraFreedHook, reofferDeps } from '../../shared/pairing';
import type { Runtime } from '../../shared/runtime';
import { privacyDeps } from '../../shared/privacy';
import { safetyDeps } from '../../shared/safety';
import { sessionsDeps } from '../../shared/sessions';
import { accountRoutes } from './routes/account';
import { closingRoutes } from './routes/closing';
import { extensionRoutes } from './routes/extensions';
import { messageRoutes } from './routes/messages';
import { privacyTaskRoutes } from './routes/privacy-tasks';
import { feedbackRoutes } from './routes/ratings-reports';
import { receiptTypingRoutes } from './routes/receipts-typing';
import { screeningRoutes } from './routes/screening';
import { sensitivityRoutes } from './routes/sensitivity';
import { sessionRoutes } from './routes/sessions';
import { timerRoutes } from './routes/timers';

export function createSessionApp(rt: Runtime) {
  const app = createFunctionApp('session', rt);
  // A session that frees its mitra's place offers the mitra the oldest waiting request in the same transaction.
  const deps = { ...sessionsDeps(rt), onMitraFreed: mitraFreedHook(reofferDeps(rt)) };
  app.route('/', sessionRoutes(deps));
  app.route('/', messageRoutes(deps));
  app.route('/', receiptTypingRoutes(deps));
  app.route('/', extensionRoutes(deps));
  app.route('/', closingRoutes(deps));
  app.route('/', sensitivityRoutes(deps));
  app.route('/', feedbackRoutes(deps));
  app.route('/', timerRoutes(deps));
  // The account's deletion and export (SPEC §14) orchestrate the features this function already serves.
  const privacy = privacyDeps(rt);
  app.route('/', accountRoutes(privacy));
  app.route('/', privacyTaskRoutes(privacy));
  // Screening sits above sessions (it flags sessions through their front door); its events land here.
  app.route('/', screeningRoutes(safetyDeps(rt)));
  return app;
}
