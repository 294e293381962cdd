import path from 'node:path';
import { FUNCTION_NAMES } from '../shared/path-table';
import { warmImageCaches } from './warm-code-cache';

// `node dist/warm-caches/index.mjs`, once, where the image is built (Dockerfile): the caches a cold start reads.
const dist = path.resolve(process.argv[2] ?? 'dist');
const caches = await warmImageCaches(dist, FUNCTION_NAMES);
console.log(`code caches: ${caches.map((c) => path.relative(dist, c)).join(', ')}`);
