import { serveFunction } from '../../shared/http/boot';
import { createAuthApp } from './app';

// The container's entry (dist/auth/server.cjs), run by dist/auth/main.cjs with the image's code cache.
void serveFunction('auth', createAuthApp);
