import { startFunction } from '../../shared/http/boot';
import { createWorkersApp } from './app';

// `node dist/workers/index.mjs` serves it; `functions-framework --target=workers` (a source deploy) hosts it.
await startFunction('workers', createWorkersApp, import.meta.url);
