import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { bareWork } from './work';

// A bare Hono app on @hono/node-server doing the work of our two hot routes (see work.ts). Bench only.
const work = bareWork(process.env);
const app = new Hono()
  .post('/api/mitra/status/heartbeat', async (c) => {
    const status = await work.heartbeat(c.req.header('authorization'));
    return status === 204 ? c.body(null, 204) : c.json({ error: { code: 'UNAUTHORIZED' } }, status as 401);
  })
  .get('/api/client/availability', async (c) => {
    const body = await work.availability(c.req.header('authorization'));
    if (!body) return c.json({ error: { code: 'UNAUTHORIZED' } }, 401);
    c.header('Cache-Control', 'private, max-age=5');
    return c.json(body);
  });
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () =>
  process.stdout.write(`ready ${process.pid}\n`),
);
