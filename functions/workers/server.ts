import { serveFunction } from '../../shared/http/boot';
import { createWorkersApp } from './app';

// The container's entry (dist/workers/server.cjs), run by dist/workers/main.cjs with the image's code cache.
void serveFunction('workers', createWorkersApp);
