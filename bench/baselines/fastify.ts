import Fastify from 'fastify';
import { bareWork } from './work';

// A bare Fastify 5 server doing the work of our two hot routes (see work.ts). Bench only.
const work = bareWork(process.env);
const app = Fastify({ logger: false });
app.post('/api/mitra/status/heartbeat', async (req, reply) => {
  const status = await work.heartbeat(req.headers.authorization);
  if (status === 204) return reply.code(204).send();
  return reply.code(status).send({ error: { code: 'UNAUTHORIZED' } });
});
app.get('/api/client/availability', async (req, reply) => {
  const body = await work.availability(req.headers.authorization);
  if (!body) return reply.code(401).send({ error: { code: 'UNAUTHORIZED' } });
  return reply.header('cache-control', 'private, max-age=5').send(body);
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write(`ready ${process.pid}\n`);
