import { serveFunction } from '../../shared/http/boot';
import { createConfigApp } from './app';

// The container's entry (dist/config/server.cjs), run by dist/config/main.cjs with the image's code cache.
void serveFunction('config', createConfigApp);
