import { startFunction } from '../../shared/http/boot';
import { createInternalApp } from './app';

// `node dist/internal/index.mjs` serves it; `functions-framework --target=internal` (a source deploy) hosts it.
await startFunction('internal', createInternalApp, import.meta.url);
