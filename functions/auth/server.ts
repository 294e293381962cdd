import { serveFunction } from '../../shared/http/boot';
import { createAuthApp } from './app';

// The function's one entry: dist/auth/server.cjs, started by main.cjs (docs/boot.md).
void serveFunction('auth', createAuthApp);
