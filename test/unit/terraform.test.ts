import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { beforeAll, describe, expect, it } from 'vitest';
import { CRON_JOBS } from '../../scripts/local/cron';
import { subscriptions } from '../../scripts/local/subscriptions';
import type { Env } from '../../shared/env';
import { OTP_BUDGET_EXHAUSTED } from '../../shared/auth/request-otp';
import { FUNCTION_NAMES, functionForPath, PATH_TABLE } from '../../shared/path-table';

// Offline Terraform checks (the google provider cannot be downloaded here): every resource type,
// argument and block against the provider 6.50 schema, every reference declared, and policy rules.
interface BlockSchema {
  attrs: Record<string, { required?: boolean }>;
  blocks: Record<string, BlockSchema>;
}
type ProviderSchema = { resource: Record<string, BlockSchema>; data: Record<string, BlockSchema> };
const readSchema = (provider: string) =>
  JSON.parse(readFileSync(`terraform/schema/${provider}-provider-6.50.0-schema.json`, 'utf8')) as ProviderSchema;
// A resource is checked against the schema of the provider it names (google-beta only where GA lacks it).
const schemas = { '${google}': readSchema('google'), '${google-beta}': readSchema('google-beta') };
const schemaOf = (body: Body) => schemas[(body.provider as keyof typeof schemas | undefined) ?? '${google}'];
const META = new Set(['count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'dynamic']);
type Body = Record<string, unknown>;
type Tf = {
  resource?: Record<string, Record<string, Body[]>>;
  data?: Record<string, Record<string, Body[]>>;
  variable?: Record<string, unknown>;
  locals?: Body[];
  terraform?: Body[];
};

const hasTerraform = spawnSync('terraform', ['version']).status === 0;
if (!hasTerraform)
  console.warn('terraform fmt check not run: no terraform binary on PATH (install Terraform to run it)');

let tf: Tf[] = [];
let text = '';
const resources = (type: string) => tf.flatMap((f) => Object.values(f.resource?.[type] ?? {}).flat());
const allLocals = () => Object.assign({}, ...tf.flatMap((f) => f.locals ?? [])) as Record<string, unknown>;

beforeAll(async () => {
  const files = readdirSync('terraform').filter((f) => f.endsWith('.tf'));
  tf = await Promise.all(
    files.map(async (f) => (await parse(f, readFileSync(path.join('terraform', f), 'utf8'))) as Tf),
  );
  text = files.map((f) => readFileSync(path.join('terraform', f), 'utf8')).join('\n');
});

function checkBody(where: string, body: Body, s: BlockSchema, problems: string[]) {
  for (const [name, a] of Object.entries(s.attrs)) {
    if (a.required && !(name in body)) problems.push(`${where}: missing required argument ${name}`);
  }
  for (const [key, value] of Object.entries(body)) {
    if (META.has(key)) continue;
    if (key in s.attrs) continue;
    const block = s.blocks[key];
    if (!block) {
      problems.push(`${where}: unknown argument or block ${key}`);
      continue;
    }
    for (const el of value as Body[]) checkBody(`${where}.${key}`, el, block, problems);
  }
  for (const [name, defs] of Object.entries((body.dynamic ?? {}) as Record<string, Body[]>)) {
    const block = s.blocks[name];
    if (!block) problems.push(`${where}: dynamic block ${name} is not a block`);
    else for (const d of defs) for (const c of d.content as Body[]) checkBody(`${where}.${name}`, c, block, problems);
  }
}

describe('terraform (offline checks against google provider 6.50)', () => {
  // Shown as skipped, with the reason below, on a machine without the binary (it is not an npm package).
  it.runIf(hasTerraform)('is formatted (terraform fmt -check)', () => {
    execFileSync('terraform', ['fmt', '-check', '-recursive', 'terraform'], { stdio: 'pipe' });
  });

  it('pins Terraform and every provider exactly (the schemas the checks use), the lock file left to the first init', () => {
    const [block] = tf.flatMap((f) => f.terraform ?? []);
    expect(block!.required_version).toMatch(/^= \d+\.\d+\.\d+$/);
    const providers = (block!.required_providers as Body[])[0]!;
    expect(providers).toEqual({
      google: { source: 'hashicorp/google', version: '= 6.50.0' },
      'google-beta': { source: 'hashicorp/google-beta', version: '= 6.50.0' },
    });
    // The pipeline runs the Terraform release the configuration pins.
    const image = /hashicorp\/terraform:(\d+\.\d+\.\d+)/.exec(readFileSync('cloudbuild.yaml', 'utf8'))![1];
    expect(block!.required_version).toBe(`= ${image}`);
    expect(readFileSync('terraform/versions.tf', 'utf8')).toMatch(/lock file[\s\S]*first\s+# `terraform init`/);
    for (const f of tf)
      for (const byName of Object.values(f.resource ?? {}))
        for (const bodies of Object.values(byName))
          for (const b of bodies) expect(['${google}', '${google-beta}', undefined]).toContain(b.provider);
  });

  it('uses only known resource types, arguments and blocks, with every required argument', () => {
    const problems: string[] = [];
    for (const file of tf) {
      for (const kind of ['resource', 'data'] as const) {
        for (const [type, byName] of Object.entries(file[kind] ?? {})) {
          for (const [name, bodies] of Object.entries(byName))
            for (const b of bodies) {
              const s = schemaOf(b)[kind][type];
              if (s) checkBody(`${type}.${name}`, b, s, problems);
              else problems.push(`${kind} ${type}: unknown type for ${String(b.provider ?? 'google')}`);
            }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('references only declared resources, data sources, variables and locals', () => {
    const declared = new Set(
      tf.flatMap((f) =>
        Object.entries(f.resource ?? {}).flatMap(([t, byName]) => Object.keys(byName).map((n) => `${t}.${n}`)),
      ),
    );
    const data = new Set(
      tf.flatMap((f) =>
        Object.entries(f.data ?? {}).flatMap(([t, byName]) => Object.keys(byName).map((n) => `${t}.${n}`)),
      ),
    );
    const vars = new Set(tf.flatMap((f) => Object.keys(f.variable ?? {})));
    const locals = new Set(tf.flatMap((f) => (f.locals ?? []).flatMap((l) => Object.keys(l))));
    const exprs = [...JSON.stringify(tf).matchAll(/\$\{([^"]*)\}/g)].map((m) => m[1]!);
    const missing = new Set<string>();
    for (const e of exprs) {
      for (const m of e.matchAll(/(?<![.\w])(data\.)?(google_[a-z0-9_]+)\.([a-z0-9_]+)/g)) {
        const ref = `${m[2]}.${m[3]}`;
        if (!(m[1] ? data : declared).has(ref)) missing.add(`${m[1] ?? ''}${ref}`);
      }
      for (const m of e.matchAll(/(?<![.\w])var\.([a-z0-9_]+)/g)) if (!vars.has(m[1]!)) missing.add(`var.${m[1]}`);
      for (const m of e.matchAll(/(?<![.\w])local\.([a-z0-9_]+)/g))
        if (!locals.has(m[1]!)) missing.add(`local.${m[1]}`);
    }
    expect([...missing]).toEqual([]);
  });

  it('policy: explicit service accounts, restricted ingress, nothing public', () => {
    const services = resources('google_cloud_run_v2_service');
    expect(services.length).toBeGreaterThan(0);
    for (const s of services) {
      expect((s.template as Body[])[0]!.service_account).toBeTruthy();
      expect(String(s.ingress)).not.toContain('INGRESS_TRAFFIC_ALL');
    }
    expect(text).not.toMatch(/allUsers|allAuthenticatedUsers/);
    expect(text).not.toMatch(/roles\/(owner|editor)"/);
  });

  it('policy: push subscriptions and scheduler jobs carry OIDC tokens the functions accept; queues retry', () => {
    const invokers = JSON.stringify(allLocals().invoker_emails).match(/google_service_account\.[a-z_]+\.email/g);
    expect(invokers).toEqual([
      'google_service_account.tasks_invoker.email',
      'google_service_account.pubsub_pusher.email',
    ]);
    // Every push (Pub/Sub) and every HTTP call (Scheduler) is signed by an allowed invoker, for the service it calls.
    const calls = [
      ...resources('google_pubsub_subscription').flatMap((sub) =>
        ((sub.push_config as Body[] | undefined) ?? []).map((pc) => ({ url: pc.push_endpoint, token: pc.oidc_token })),
      ),
      ...resources('google_cloud_scheduler_job').map((job) => {
        const target = (job.http_target as Body[])[0]!;
        return { url: target.uri, token: target.oidc_token };
      }),
    ];
    expect(calls.length).toBe(3); // the blast and screening push subscriptions, the cron jobs (one for_each resource)
    for (const { url, token } of calls) {
      const [oidc, ...more] = token as Body[];
      expect(more).toEqual([]);
      expect(invokers).toContain(String(oidc!.service_account_email).replace(/^\$\{(.*)\}$/, '$1'));
      expect(String(oidc!.audience)).toMatch(/^\$\{local\.run_url\[[^\]]+\]\}$/);
      expect(String(url).startsWith(String(oidc!.audience))).toBe(true);
    }
    const queues = resources('google_cloud_tasks_queue');
    expect(queues.length).toBeGreaterThan(0);
    for (const q of queues)
      expect((q.retry_config as Body[])[0]).toMatchObject({
        max_attempts: expect.any(Number),
        min_backoff: expect.stringMatching(/^\d+s$/),
        max_backoff: expect.stringMatching(/^\d+s$/),
      });
    for (const q of queues) expect((q.retry_config as Body[])[0]!.max_attempts).toBeGreaterThan(1);
  });

  it('every local push subscription is a Pub/Sub push subscription of that name, on the function that owns its path', () => {
    const pushes = resources('google_pubsub_subscription').filter((s) => s.push_config);
    // The topics as Terraform names them (cloud_run.tf hands these names to every function's env).
    const topic = (name: string) =>
      tf.flatMap((f) => (f.resource?.google_pubsub_topic?.[name] ?? []) as Body[])[0]!.name as string;
    const env = { PUBSUB_PAIRING_TOPIC: topic('pairing_blast'), PUBSUB_SCREENING_TOPIC: topic('message_screening') };
    const local = subscriptions(env as Env);
    expect(pushes.map((s) => s.name).sort()).toEqual(local.map((s) => s.name).sort());
    for (const sub of local) {
      const tfSub = pushes.find((s) => s.name === sub.name)!;
      const endpoint = `\${local.run_url["${functionForPath(sub.path)}"]}${sub.path}`;
      expect((tfSub.push_config as Body[])[0]!.push_endpoint).toBe(endpoint);
    }
  });

  it('the Cloud Scheduler jobs are exactly the local cron jobs, each on the function that owns its path', () => {
    const locals = Object.assign({}, ...tf.flatMap((f) => f.locals ?? [])) as {
      cron_jobs: Record<string, { fn: string; path: string }>;
    };
    expect(Object.keys(locals.cron_jobs).sort()).toEqual(CRON_JOBS.map((j) => j.name).sort());
    for (const job of CRON_JOBS)
      expect(locals.cron_jobs[job.name]).toMatchObject({ path: job.path, fn: functionForPath(job.path) });
  });

  it('policy: Cloud SQL is private, TLS-only, backed up and protected', () => {
    const [sql] = resources('google_sql_database_instance');
    expect(sql!.deletion_protection).toBe(true);
    const settings = (sql!.settings as Body[])[0]!;
    const ip = (settings.ip_configuration as Body[])[0]!;
    expect(ip.ipv4_enabled).toBe(false);
    expect(ip.ssl_mode).toBe('ENCRYPTED_ONLY');
    expect((settings.backup_configuration as Body[])[0]!).toMatchObject({
      enabled: true,
      point_in_time_recovery_enabled: true,
    });
  });

  it("the URL map's path rules agree with the local gateway's PATH_TABLE", () => {
    const locals = Object.assign({}, ...tf.flatMap((f) => f.locals ?? [])) as Record<string, unknown>;
    const lbPaths = {
      ...(locals.public_paths as Record<string, string>),
      ...(locals.internal_paths as Record<string, string>),
    };
    for (const [p, fn] of Object.entries(lbPaths)) expect([p, functionForPath(p.replace(/\*$/, ''))]).toEqual([p, fn]);
    for (const row of PATH_TABLE.filter((r) => !r.prefix.startsWith('/tasks/') && !r.prefix.startsWith('/events/'))) {
      const lbPath = row.prefix.endsWith('/') ? `${row.prefix}*` : row.prefix;
      expect([lbPath, lbPaths[lbPath]]).toEqual([lbPath, row.fn]);
    }
  });
});

describe('terraform: the way to production', () => {
  const locals = () => Object.assign({}, ...tf.flatMap((f) => f.locals ?? [])) as Record<string, unknown>;
  const one = (type: string, name: string) =>
    tf.flatMap((f) => (f.resource?.[type]?.[name] ?? []) as Body[])[0] ?? expect.fail(`${type}.${name} missing`);

  it('has no dependency cycle between resources (what terraform plan would refuse)', () => {
    const nodes = new Map<string, Set<string>>();
    for (const f of tf)
      for (const [type, byName] of Object.entries(f.resource ?? {}))
        for (const [name, bodies] of Object.entries(byName))
          nodes.set(`${type}.${name}`, new Set(JSON.stringify(bodies).match(/google_[a-z0-9_]+\.[a-z0-9_]+/g) ?? []));
    // Locals are inlined: a resource that reads local.x depends on whatever local.x references (transitively).
    const localRefs = new Map<string, string>(Object.entries(locals()).map(([k, v]) => [k, JSON.stringify(v)]));
    const expand = (s: string, seen = new Set<string>()): string[] =>
      [...s.matchAll(/local\.([a-z0-9_]+)/g)].flatMap((m) => {
        if (seen.has(m[1]!)) return [];
        seen.add(m[1]!);
        const v = localRefs.get(m[1]!) ?? '';
        return [...(v.match(/google_[a-z0-9_]+\.[a-z0-9_]+/g) ?? []), ...expand(v, seen)];
      });
    for (const f of tf)
      for (const [type, byName] of Object.entries(f.resource ?? {}))
        for (const [name, bodies] of Object.entries(byName))
          for (const r of expand(JSON.stringify(bodies))) nodes.get(`${type}.${name}`)!.add(r);
    const state = new Map<string, 'visiting' | 'done'>();
    const cycle: string[] = [];
    const visit = (n: string, path: string[]): boolean => {
      if (state.get(n) === 'done' || !nodes.has(n)) return false;
      if (state.get(n) === 'visiting') return (cycle.push(...path, n), true);
      state.set(n, 'visiting');
      for (const d of nodes.get(n)!) if (d !== n && visit(d, [...path, n])) return true;
      state.set(n, 'done');
      return false;
    };
    for (const n of nodes.keys()) if (visit(n, [])) break;
    expect(cycle).toEqual([]);
  });

  it('IAP_AUDIENCE reaches every function behind an IAP backend, from that backend’s id', () => {
    const l = locals();
    expect(String(l.iap_audience)).toContain(
      '/projects/${data.google_project.this.number}/global/backendServices/${google_compute_backend_service.iap[f].generated_id}',
    );
    expect(JSON.stringify(l.function_env)).toMatch(
      /contains\(local\.iap_functions, f\) \? \{ IAP_AUDIENCE = local\.iap_audience\[f\] \}/,
    );
    // Every path the IAP backend serves belongs to a function that gets the audience.
    expect(new Set(Object.values(l.internal_paths as Record<string, string>))).toEqual(
      new Set([...String(l.iap_functions).matchAll(/"([a-z-]+)"/g)].map((m) => m[1])),
    );
    const neg = one('google_compute_region_network_endpoint_group', 'fn');
    expect(JSON.stringify(neg)).not.toContain('google_cloud_run_v2_service');
  });

  it('every service runs the one image with its own entry; the migrations job runs the same image privately', () => {
    expect(String(locals().image)).toMatch(/halobestie\/api:\$\{var\.image_tag\}$/);
    const svc = one('google_cloud_run_v2_service', 'fn');
    const c = ((svc.template as Body[])[0]!.containers as Body[])[0]!;
    expect(c.image).toBe('${local.image}');
    const job = one('google_cloud_run_v2_job', 'migrate');
    const inner = ((job.template as Body[])[0]!.template as Body[])[0]!;
    const jc = (inner.containers as Body[])[0]!;
    expect(jc.image).toBe('${local.image}');
    expect(jc.args).toEqual(['dist/migrate/index.mjs']);
    expect(inner.service_account).toBe('${google_service_account.migrate.email}');
    expect((inner.vpc_access as Body[])[0]!.egress).toBe('PRIVATE_RANGES_ONLY');
    // It logs in as the migrator through the connector and reads no secret.
    const env = (jc.dynamic as Record<string, Body[]>).env![0]!.for_each as Record<string, string>;
    expect(env).toMatchObject({
      RUNTIME: 'gcp',
      NODE_ENV: 'production',
      CLOUD_SQL_INSTANCE: '${google_sql_database_instance.main.connection_name}',
      DATABASE_IAM_USER: '${local.db_users["migrate"]}',
    });
    expect(JSON.stringify(jc)).not.toContain('secret');
    const grants = resources('google_secret_manager_secret_iam_member').filter((m) =>
      String(m.member).includes('migrate'),
    );
    expect(grants).toEqual([]);
  });

  it('only auth reads the private signing key; every other function (and the mirror job, as workers) the public keys', () => {
    const l = locals();
    const readers = l.secret_readers as Record<string, string>;
    expect(readers['auth-signing-key']).toBe('${toset(["auth"])}');
    expect(readers['auth-public-keys']).toBe('${setsubtract(local.functions, ["auth"])}');
    expect(l.secret_env_names).toMatchObject({
      'auth-signing-key': 'AUTH_SIGNING_KEY',
      'auth-public-keys': 'AUTH_PUBLIC_KEYS',
    });
    const job = JSON.stringify(one('google_cloud_run_v2_job', 'mirror_rebuild'));
    expect(job).toContain('contains(fns, \\"workers\\")');
    expect(job).not.toContain('auth-signing-key');
  });

  it('only auth reads the Fazpass keys and runs OTP_PROVIDER=fazpass', () => {
    const l = locals();
    const readers = l.secret_readers as Record<string, string>;
    expect(readers['fazpass-merchant-key']).toBe('${toset(["auth"])}');
    expect(readers['fazpass-gateway-key']).toBe('${toset(["auth"])}');
    expect(l.secret_env_names).toMatchObject({
      'fazpass-merchant-key': 'FAZPASS_MERCHANT_KEY',
      'fazpass-gateway-key': 'FAZPASS_GATEWAY_KEY',
    });
    expect(JSON.stringify(l.function_env)).toContain('f == \\"auth\\" ? { OTP_PROVIDER = \\"fazpass\\" }');
  });

  it('only pairing reads the PII hash key (the free-trial ledger, SPEC §13)', () => {
    const l = locals();
    expect((l.secret_readers as Record<string, string>)['pii-hash-key']).toBe('${toset(["pairing"])}');
    expect(l.secret_env_names).toMatchObject({ 'pii-hash-key': 'PII_HASH_KEY' });
    expect(String(l.secrets)).toContain('pii-hash-key');
  });

  it('Cloud Armor throttles each client IP on every public backend, webhooks excepted (SPEC §13)', () => {
    const policy = one('google_compute_security_policy', 'edge');
    const rules = policy.rule as Body[];
    const throttle = rules.find((r) => r.action === 'throttle')!;
    expect(JSON.stringify(throttle.match)).toContain("!request.path.startsWith('/webhooks/')");
    const options = (throttle.rate_limit_options as Body[])[0]!;
    expect(options).toMatchObject({ conform_action: 'allow', exceed_action: 'deny(429)', enforce_on_key: 'IP' });
    expect((options.rate_limit_threshold as Body[])[0]).toMatchObject({
      count: '${var.armor_requests_per_ip_per_minute}',
      interval_sec: 60,
    });
    expect(rules.find((r) => r.priority === 2147483647)?.action).toBe('allow');
    expect(one('google_compute_backend_service', 'public').security_policy).toBe(
      '${google_compute_security_policy.edge.id}',
    );
  });

  it('alerts on the first OTP refused for the SMS budget, matching the line the code logs', () => {
    const metric = one('google_logging_metric', 'otp_budget_exhausted');
    expect(metric.filter).toContain(`jsonPayload.message="${OTP_BUDGET_EXHAUSTED}"`);
    expect(JSON.stringify(one('google_monitoring_alert_policy', 'otp_budget'))).toContain(
      'logging.googleapis.com/user/${google_logging_metric.otp_budget_exhausted.name}',
    );
  });

  it('alerts on 5xx per service, outbox backlog, dead letters, queue depth and Cloud SQL CPU; checks /healthz via the LB', () => {
    const filters = JSON.stringify(resources('google_monitoring_alert_policy'));
    for (const metric of [
      'run.googleapis.com/request_count',
      'logging.googleapis.com/user/${google_logging_metric.outbox_backlog_age.name}',
      'pubsub.googleapis.com/subscription/dead_letter_message_count',
      'logging.googleapis.com/user/${google_logging_metric.outbox_dead_letters.name}',
      'cloudtasks.googleapis.com/queue/depth',
      'cloudsql.googleapis.com/database/cpu/utilization',
      'monitoring.googleapis.com/uptime_check/check_passed',
    ])
      expect(filters).toContain(metric);
    expect(one('google_monitoring_alert_policy', 'http_5xx_ratio').for_each).toBe('${local.functions}');
    const uptime = one('google_monitoring_uptime_check_config', 'healthz');
    expect((uptime.http_check as Body[])[0]).toMatchObject({ path: '/healthz', use_ssl: true });
    expect(JSON.stringify(uptime.monitored_resource)).toContain('${var.domain}');
    const policies = resources('google_monitoring_alert_policy');
    expect(policies.length).toBeGreaterThanOrEqual(5);
    for (const p of policies) expect(p.notification_channels).toBe('${local.alert_channels}');
  });
});

describe('terraform: the contracts the real services read', () => {
  const locals = () => Object.assign({}, ...tf.flatMap((f) => f.locals ?? [])) as Record<string, unknown>;
  const one = (type: string, name: string) =>
    tf.flatMap((f) => (f.resource?.[type]?.[name] ?? []) as Body[])[0] ?? expect.fail(`${type}.${name} missing`);
  const container = () =>
    (
      ((one('google_cloud_run_v2_service', 'fn').template as Body[])[0]!.containers as Body[])[0]!.resources as Body[]
    )[0]!;

  it('sets cpu_idle per service, explicitly, keeping CPU where the outbox delivers after the response', () => {
    expect(container().cpu_idle).toBe('${local.cpu_idle[each.value]}');
    expect(container().startup_cpu_boost).toBe(true);
    const cpuIdle = locals().cpu_idle as Record<string, boolean>;
    expect(Object.keys(cpuIdle).sort()).toEqual([...FUNCTION_NAMES].sort());
    // Every function commits outbox rows (auth: the epoch a last logout bumps) and the relay delivers
    // them after the answer, so every one keeps its CPU.
    for (const fn of FUNCTION_NAMES) expect([fn, cpuIdle[fn]]).toEqual([fn, false]);
    expect(readFileSync('shared/auth/logout.ts', 'utf8')).toMatch(/commitWithEffects/);
  });

  it('the load balancer answers 404 for every path no rule names: /tasks/* and /events/* reach no function', () => {
    const map = one('google_compute_url_map', 'api');
    const abort404 = [{ fault_injection_policy: [{ abort: [{ http_status: 404, percentage: 100 }] }] }];
    const unrouted = '${google_compute_backend_service.unrouted.id}';
    const matcher = (map.path_matcher as Body[])[0]!;
    for (const level of [map, matcher]) {
      expect(level.default_service).toBe(unrouted);
      expect(level.default_route_action).toEqual(abort404);
    }
    // The default's backend service has no backend, so it could never forward to a function.
    expect(one('google_compute_backend_service', 'unrouted').backend).toBeUndefined();
    const l = locals();
    const routed = [
      ...Object.keys(l.public_paths as object),
      ...Object.keys(l.internal_paths as object),
      ...(matcher.path_rule as Body[]).flatMap((r) => r.paths as string[]),
    ];
    for (const p of routed) expect(p).not.toMatch(/^\/(tasks|events)\b/);
    expect(text).not.toMatch(/default_service\s*=\s*google_compute_backend_service\.public/);
  });

  it('enables Identity Toolkit, IAM Credentials and the Firebase project; auth may sign only as itself', () => {
    const apis = String(one('google_project_service', 'apis').for_each);
    for (const api of ['identitytoolkit.googleapis.com', 'firebase.googleapis.com', 'iamcredentials.googleapis.com'])
      expect(apis).toContain(api);
    expect(one('google_firebase_project', 'default')).toMatchObject({ provider: '${google-beta}' });
    expect(one('google_service_account_iam_member', 'auth_signs_as_itself')).toEqual({
      service_account_id: '${google_service_account.fn["auth"].name}',
      role: 'roles/iam.serviceAccountTokenCreator',
      member: 'serviceAccount:${google_service_account.fn["auth"].email}',
    });
    // No downloaded key and no database password anywhere.
    expect(text).not.toMatch(/FIREBASE_SERVICE_ACCOUNT_JSON|firebase-service-account|database-url|DATABASE_URL/);
    expect(resources('google_service_account_key')).toEqual([]);
  });

  it('Cloud SQL takes IAM database users: one per function and one for the migrate job, no password', () => {
    const [sql] = resources('google_sql_database_instance');
    const flags = ((sql!.settings as Body[])[0]!.database_flags as Body[]).map((f) => [f.name, f.value]);
    expect(flags).toContainEqual(['cloudsql.iam_authentication', 'on']);
    const users = one('google_sql_user', 'iam');
    expect(users).toMatchObject({ for_each: '${local.db_users}', type: 'CLOUD_IAM_SERVICE_ACCOUNT' });
    expect(users.password).toBeUndefined();
    const l = locals();
    expect(String(l.db_users)).toContain('trimsuffix(google_service_account.fn[f].email, ".gserviceaccount.com")');
    expect(String(l.db_users)).toContain('migrate = trimsuffix(google_service_account.migrate.email');
    expect(String(l.db_roles)).toContain('roles/cloudsql.instanceUser');
    expect(String(l.db_roles)).toContain('roles/cloudsql.client');
    // Every service connects through the connector as its own user.
    expect(l.plain_env).toMatchObject({ CLOUD_SQL_INSTANCE: '${google_sql_database_instance.main.connection_name}' });
    expect(JSON.stringify(l.function_env)).toContain('DATABASE_IAM_USER = local.db_users[f]');
  });
});
