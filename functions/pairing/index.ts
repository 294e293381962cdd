import { startFunction } from '../../shared/http/boot';
import { createPairingApp } from './app';

// `node dist/pairing/index.mjs` serves it; `functions-framework --target=pairing` (a source deploy) hosts it.
await startFunction('pairing', createPairingApp, import.meta.url);
