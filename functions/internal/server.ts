import { serveFunction } from '../../shared/http/boot';
import { createInternalApp } from './app';

// The function's one entry: dist/internal/server.cjs, started by main.cjs (docs/boot.md).
void serveFunction('internal', createInternalApp);
