import { serveFunction } from '../../shared/http/boot';
import { createWorkersApp } from './app';

// The function's one entry: dist/workers/server.cjs, started by main.cjs (docs/boot.md).
void serveFunction('workers', createWorkersApp);
