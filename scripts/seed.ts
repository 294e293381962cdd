import type { Runtime } from '../shared/runtime';

/** Idempotent seed data for a fresh database (grows with each feature: super admin, config, …). */
export async function seed(_rt: Runtime): Promise<void> {}
