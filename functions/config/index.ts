import { startFunction } from '../../shared/http/boot';
import { createConfigApp } from './app';

// `node dist/config/index.mjs` serves it; `functions-framework --target=config` (a source deploy) hosts it.
await startFunction('config', createConfigApp, import.meta.url);
