import pg from 'pg';
import { mkdtempSync } from 'node:fs';
import os from 'node:os'; import path from 'node:path';
import { startEmbeddedPostgres } from '../scripts/local/postgres';
import { freePort } from '../scripts/local/free-port';
const dir = mkdtempSync(path.join(os.tmpdir(), 'pgsock-')); (await import('node:fs')).chmodSync(dir, 0o755);
const port = await freePort();
const srv = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), port, durable: false, log: console.log });
const sock = srv.url('postgres'); const tcp = `postgres://postgres@127.0.0.1:${port}/postgres`;
console.log(sock);
for (let r = 0; r < 3; r++) for (const [name, url] of [['tcp', tcp], ['unix', sock]] as const) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await Promise.all(Array.from({ length: 10 }, () => pool.query('SELECT 1')));
  const c0 = process.cpuUsage(); const t0 = performance.now(); let n = 0;
  await Promise.all(Array.from({ length: 10 }, async () => { while (performance.now() - t0 < 2000) { await pool.query('SELECT $1::int', [1]); n++; } }));
  const cpu = process.cpuUsage(c0); const s = (performance.now() - t0) / 1000;
  console.log(name, Math.round(n / s), 'q/s', ((cpu.user + cpu.system) / n).toFixed(1), 'µs client CPU/q');
  await pool.end();
}
await srv.stop();
