import { startFunction } from '../../shared/http/boot';
import { createSessionApp } from './app';

// `node dist/session/index.mjs` serves it; `functions-framework --target=session` (a source deploy) hosts it.
await startFunction('session', createSessionApp, import.meta.url);
