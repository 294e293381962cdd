import { startFunction } from '../../shared/http/boot';
import { createAuthApp } from './app';

// `node dist/auth/index.mjs` serves it; `functions-framework --target=auth` (a source deploy) hosts it.
await startFunction('auth', createAuthApp, import.meta.url);
