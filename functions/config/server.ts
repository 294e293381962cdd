import { serveFunction } from '../../shared/http/boot';
import { createConfigApp } from './app';

// The function's one entry: dist/config/server.cjs, started by main.cjs (docs/boot.md).
void serveFunction('config', createConfigApp);
