import { describe, expect, it } from 'vitest';
import { ConfigReader } from '../../shared/config/reader';
import { createPool } from '../../shared/db/pool';
import { createLogger } from '../../shared/logger';
import { createTestDatabase } from '../helpers/db';

// Found under load (npm run load): timers read config inside their transactions; when every pooled
// connection was held by such a transaction and the cached config was due a re-check, the re-check
// waited for a connection that none of them would give back. The reader must never need one then.
describe('ConfigReader inside transactions', () => {
  it('serves the cached config while every pool connection is held, and re-checks once one is free', async () => {
    const pool = createPool(await createTestDatabase(), 1);
    const reader = new ConfigReader(pool, createLogger('silent'), 10);
    try {
      const first = await reader.get();
      await new Promise((r) => setTimeout(r, 20)); // the cached value is now due a re-check
      const held = await pool.connect(); // the pool's only connection, as a transaction would hold it
      try {
        await held.query('BEGIN');
        const answer = await Promise.race([
          reader.get(),
          new Promise((r) => setTimeout(() => r('blocked on the pool'), 1000)),
        ]);
        expect(answer).toEqual(first);
        await held.query(`UPDATE app_config_version SET version = version + 1`);
        await held.query(`INSERT INTO app_config (key, value) VALUES ('max_customers_per_mitra', '7')
                          ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`);
        await held.query('COMMIT');
      } finally {
        held.release();
      }
      // The background re-check got the connection back and picked the change up.
      let cfg = await reader.get();
      for (let i = 0; i < 50 && cfg.max_customers_per_mitra !== 7; i++) {
        await new Promise((r) => setTimeout(r, 20));
        cfg = await reader.get();
      }
      expect(cfg.max_customers_per_mitra).toBe(7);
    } finally {
      await pool.end();
    }
  });
});
