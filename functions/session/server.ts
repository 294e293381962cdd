import { serveFunction } from '../../shared/http/boot';
import { createSessionApp } from './app';

// The function's one entry: dist/session/server.cjs, started by main.cjs (docs/boot.md).
void serveFunction('session', createSessionApp);
