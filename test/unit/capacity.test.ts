import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../shared/env';
import { FUNCTION_NAMES } from '../../shared/path-table';
import { generateSigningKeyPem } from '../../scripts/local/dev-keys';

// docs/capacity.md, "Connections": the worst case — every service at its max_instance_count, every pool
// full, the migrations job and the mirror rebuild running — must fit in 80 % of Cloud SQL's max_connections
// (the rest: psql, Cloud SQL's superuser reserve). During a rollout Cloud Run serves the old and the new
// revision together (max_instance_count is per revision), so for that short overlap both revisions' pools
// must fit under the limit Postgres enforces for non-superusers (the migrations job has finished by then:
// the pipeline migrates before it applies, decision 18).
type Body = Record<string, unknown>;
interface Tf {
  resource?: Record<string, Record<string, Body[]>>;
  variable?: Record<string, Body[]>;
  locals?: Body[];
}
interface Capacity {
  max_instances: number;
  concurrency: number;
  db_pool: number;
}

let tf: Tf[] = [];
beforeAll(async () => {
  const files = readdirSync('terraform').filter((f) => f.endsWith('.tf'));
  tf = await Promise.all(
    files.map(async (f) => (await parse(f, readFileSync(path.join('terraform', f), 'utf8'))) as Tf),
  );
});

const locals = () => Object.assign({}, ...tf.flatMap((f) => f.locals ?? [])) as Record<string, unknown>;
const resource = (type: string, name: string) =>
  tf.flatMap((f) => f.resource?.[type]?.[name] ?? [])[0] ?? expect.fail(`${type}.${name} missing`);
const variableDefault = (name: string) => {
  const v = tf.flatMap((f) => f.variable?.[name] ?? [])[0] ?? expect.fail(`variable ${name} missing`);
  return v.default;
};

/** A Terraform value that is a literal, `${var.x}` or `${tostring(var.x)}`, resolved against variable defaults. */
function resolveNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  const s = String(v);
  const ref = /^\$\{(?:tostring\()?var\.([a-z0-9_]+)\)?\}$/.exec(s);
  if (ref) return resolveNumber(variableDefault(ref[1]!));
  const n = Number(s);
  if (!Number.isFinite(n)) throw new Error(`cannot resolve ${s} to a number`);
  return n;
}

function maxConnections(): number {
  const sql = resource('google_sql_database_instance', 'main');
  const flags = ((sql.settings as Body[])[0]!.database_flags ?? []) as Body[];
  const flag = flags.find((f) => f.name === 'max_connections') ?? expect.fail('max_connections flag not set');
  return resolveNumber(flag.value);
}

/** DATABASE_POOL_MAX when nothing sets it (shared/env/index.ts). */
const envPoolDefault = () =>
  parseEnv(
    {
      DATABASE_URL: 'postgres://x@127.0.0.1/x',
      AUTH_SIGNING_KEY: generateSigningKeyPem(),
      FIRESTORE_EMULATOR_HOST: '127.0.0.1:1',
    },
    FUNCTION_NAMES,
  ).DATABASE_POOL_MAX;

/** The pool each service really runs with: Terraform's DATABASE_POOL_MAX, else the env default. */
function poolSizes(): Record<string, number> {
  const envDefault = envPoolDefault();
  const cap = locals().capacity as Record<string, Capacity>;
  const functionEnv = JSON.stringify(locals().function_env);
  const wired = functionEnv.includes('DATABASE_POOL_MAX = tostring(local.capacity[f].db_pool)');
  return Object.fromEntries(FUNCTION_NAMES.map((f) => [f, wired ? cap[f]!.db_pool : envDefault]));
}

/** The migrate job holds one connection (node-pg-migrate's client). */
const MIGRATE_JOB_CONNECTIONS = 1;
/** Postgres' default superuser_reserved_connections: slots non-superusers (our IAM users) can never take. */
const SUPERUSER_RESERVED_CONNECTIONS = 3;

function servicesWorstCase(): { perService: Record<string, number>; services: number } {
  const cap = locals().capacity as Record<string, Capacity>;
  const pools = poolSizes();
  const perService = Object.fromEntries(FUNCTION_NAMES.map((f) => [f, cap[f]!.max_instances * pools[f]!]));
  return { perService, services: Object.values(perService).reduce((sum, n) => sum + n, 0) };
}

/** The mirror-rebuild job runs with the workers function's env, so with workers' pool. */
function mirrorRebuildPool(): number {
  const job = resource('google_cloud_run_v2_job', 'mirror_rebuild');
  expect(JSON.stringify(job)).toContain('local.function_env[\\"workers\\"]');
  return poolSizes().workers!;
}

describe('capacity (docs/capacity.md): Cloud SQL connections', () => {
  it('every function has a capacity entry, and the services read max instances and concurrency from it', () => {
    const cap = locals().capacity as Record<string, Capacity>;
    expect(Object.keys(cap).sort()).toEqual([...FUNCTION_NAMES].sort());
    for (const f of FUNCTION_NAMES) {
      expect(cap[f]!.max_instances).toBeGreaterThan(0);
      expect(cap[f]!.db_pool).toBeGreaterThan(0);
      expect(cap[f]!.concurrency).toBeGreaterThan(0);
    }
    const svc = resource('google_cloud_run_v2_service', 'fn');
    const template = (svc.template as Body[])[0]!;
    expect((template.scaling as Body[])[0]!.max_instance_count).toBe('${local.capacity[each.value].max_instances}');
    expect(template.max_instance_request_concurrency).toBe('${local.capacity[each.value].concurrency}');
  });

  it('DATABASE_POOL_MAX is set per service from the capacity table', () => {
    expect(JSON.stringify(locals().function_env)).toContain('DATABASE_POOL_MAX = tostring(local.capacity[f].db_pool)');
  });

  it('Σ services max_instances × pool + the migrations job + the mirror rebuild ≤ 80 % of max_connections', () => {
    const { perService, services } = servicesWorstCase();
    const worst = services + MIGRATE_JOB_CONNECTIONS + mirrorRebuildPool();
    expect(worst, `max_instances × pool per service: ${JSON.stringify(perService)}`).toBeLessThanOrEqual(
      Math.floor(0.8 * maxConnections()),
    );
  });

  it('during a rollout, old + new revisions at their maximum + the mirror rebuild stay under the limit', () => {
    const { perService, services } = servicesWorstCase();
    const worst = 2 * services + mirrorRebuildPool();
    expect(worst, `max_instances × pool per service: ${JSON.stringify(perService)}`).toBeLessThanOrEqual(
      maxConnections() - SUPERUSER_RESERVED_CONNECTIONS,
    );
  });
});
