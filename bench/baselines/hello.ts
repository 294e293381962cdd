import { serve } from '@hono/node-server';
import { Hono } from 'hono';

// The cold-start reference: a hello-world Hono bundle on node:http answering /healthz. Bench only.
const app = new Hono().get('/healthz', (c) => c.json({ status: 'ok' }));
serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 8080), hostname: '0.0.0.0' });
// Exits normally on SIGTERM, as our functions do, so Node writes its compile cache like theirs.
process.once('SIGTERM', () => process.exit(0));
