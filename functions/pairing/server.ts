import { serveFunction } from '../../shared/http/boot';
import { createPairingApp } from './app';

// The container's entry (dist/pairing/server.cjs), run by dist/pairing/main.cjs with the image's code cache.
void serveFunction('pairing', createPairingApp);
