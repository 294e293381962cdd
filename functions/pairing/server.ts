import { serveFunction } from '../../shared/http/boot';
import { createPairingApp } from './app';

// The function's one entry: dist/pairing/server.cjs, started by main.cjs (docs/boot.md).
void serveFunction('pairing', createPairingApp);
