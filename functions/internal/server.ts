import { serveFunction } from '../../shared/http/boot';
import { createInternalApp } from './app';

// The container's entry (dist/internal/server.cjs), run by dist/internal/main.cjs with the image's code cache.
void serveFunction('internal', createInternalApp);
