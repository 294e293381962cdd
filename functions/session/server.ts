import { serveFunction } from '../../shared/http/boot';
import { createSessionApp } from './app';

// The container's entry (dist/session/server.cjs), run by dist/session/main.cjs with the image's code cache.
void serveFunction('session', createSessionApp);
