import { describe, expect, it } from 'vitest';
import { migrate } from '../../shared/db/migrate';
import { createTestDatabase } from '../helpers/db';

describe('migrations', () => {
  it('are applied by node-pg-migrate and re-running applies nothing', async () => {
    const url = await createTestDatabase();
    expect(await migrate(url)).toEqual([]);
  });
});
