import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTRA_ENTRIES } from '../../scripts/bundle';
import { FUNCTION_NAMES } from '../../shared/path-table';

// Docker cannot run here: the Dockerfile is linted instead (pinned base, non-root, no dev deps, entries).
const text = readFileSync('Dockerfile', 'utf8');
// Continuation lines joined, comments dropped: one instruction per entry.
const instructions = text
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => {
    const [op, ...rest] = l.split(/\s+/);
    return { op: op!.toUpperCase(), args: rest.join(' ') };
  });
const args = Object.fromEntries(
  instructions
    .filter((i) => i.op === 'ARG' && i.args.includes('='))
    .map((i) => i.args.split('=', 2) as [string, string]),
);
const stages = instructions.reduce<Array<{ from: string; name?: string; body: typeof instructions }>>((acc, i) => {
  if (i.op === 'FROM') {
    const [image, as, name] = i.args.split(/\s+/);
    acc.push({
      from: image!.replace(/^\$\{(\w+)\}$/, (_m, v: string) => args[v] ?? ''),
      name: as ? name : undefined,
      body: [],
    });
  } else acc.at(-1)?.body.push(i);
  return acc;
}, []);
const runtime = stages.at(-1)!;

describe('Dockerfile', () => {
  it('builds every stage from a pinned Node 22 LTS base (exact version tag or digest, never a floating tag)', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const s of stages) {
      expect(s.from).toMatch(/^node:22\.\d+\.\d+(-[a-z]+)*(-slim)?(@sha256:[0-9a-f]{64})?$|@sha256:[0-9a-f]{64}$/);
      expect(s.from).not.toMatch(/:(latest|lts|22|22-slim|current)$/);
    }
  });

  it('runs as a non-root user in the final stage', () => {
    const users = runtime.body.filter((i) => i.op === 'USER').map((i) => i.args);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    // Nothing after USER may switch back.
    const lastUser = runtime.body.findLastIndex((i) => i.op === 'USER');
    expect(runtime.body.slice(lastUser + 1).some((i) => i.op === 'USER')).toBe(false);
  });

  it('installs runtime dependencies with npm ci --omit=dev from the generated runtime manifest, never npm install', () => {
    expect(text).not.toMatch(/npm (install|i)\b/);
    const deps = stages.find((s) => s.body.some((i) => i.op === 'RUN' && /npm ci\b.*--omit=dev/.test(i.args)));
    expect(deps, 'a stage runs npm ci --omit=dev').toBeDefined();
    expect(deps!.body.find((i) => i.op === 'COPY')!.args).toMatch(/dist\/package\.json .*dist\/package-lock\.json/);
    // The final image takes node_modules only from that stage, so no dev dependency can reach it.
    const copies = runtime.body.filter((i) => i.op === 'COPY' && /node_modules/.test(i.args));
    expect(copies.length).toBe(1);
    expect(copies[0]!.args).toContain(`--from=${deps!.name}`);
    expect(runtime.body.some((i) => i.op === 'RUN' && /npm ci(?!.*--omit=dev)/.test(i.args))).toBe(false);
    expect(runtime.body.find((i) => i.op === 'ENV')?.args).toMatch(/NODE_ENV=production/);
  });

  it('ships an entry per function and the jobs; node is the entrypoint and a function main.cjs the argument', () => {
    expect(runtime.body.some((i) => i.op === 'COPY' && /dist \.\/dist$/.test(i.args))).toBe(true);
    expect(runtime.body.find((i) => i.op === 'ENTRYPOINT')!.args).toMatch(/^\["node"/);
    expect(runtime.body.find((i) => i.op === 'CMD')!.args).toMatch(/^\["dist\/[a-z-]+\/main\.cjs"\]$/);
    // The Terraform services and jobs pick their entry from the same list the build emits.
    const tf = ['cloud_run', 'migrations', 'mirror_rebuild']
      .map((f) => readFileSync(`terraform/${f}.tf`, 'utf8'))
      .join('\n');
    expect(tf).toMatch(/args\s*=\s*\["dist\/\$\{each\.value\}\/main\.cjs"\]/);
    expect(tf).toMatch(/args\s*=\s*\["dist\/migrate\/index\.mjs"\]/);
    expect(tf).toMatch(/args\s*=\s*\["dist\/mirror-rebuild\/index\.mjs"\]/);
    expect(Object.keys(EXTRA_ENTRIES)).toEqual(['migrate', 'mirror-rebuild', 'warm-caches']);
    expect(FUNCTION_NAMES.length).toBe(7);
  });

  it('bakes the code caches into the image and starts plain node, as the warm-up did', () => {
    const warm = runtime.body.findIndex((i) => i.op === 'RUN' && i.args === 'node dist/warm-caches/index.mjs');
    expect(warm, 'a RUN warms every function up once').toBeGreaterThan(-1);
    // After the bundles are in place and before the image drops root (written as root, read by node).
    expect(warm).toBeGreaterThan(runtime.body.findIndex((i) => i.op === 'COPY' && /dist \.\/dist$/.test(i.args)));
    expect(warm).toBeLessThan(runtime.body.findIndex((i) => i.op === 'USER'));
    // V8 takes a code cache only from a node started with the same flags as the warm-up's: none. The
    // cold-start bench starts bundles the same way (bench/cold-start.bench.ts).
    expect(runtime.body.find((i) => i.op === 'ENTRYPOINT')!.args).toBe('["node"]');
    expect(runtime.body.some((i) => i.op === 'ENV' && /NODE_OPTIONS/.test(i.args))).toBe(false);
  });

  it('leaves out what production never loads: optional dependencies (functions have one entry each)', () => {
    // Only function directories have a main.cjs: the jobs keep their index.mjs, which Terraform runs.
    expect(Object.keys(EXTRA_ENTRIES).filter((e) => e !== 'warm-caches')).toEqual(['migrate', 'mirror-rebuild']);
    expect(text).toMatch(/npm ci --omit=dev --omit=optional\b/);
    // The optional packages of the runtime tree are firebase-admin's Cloud Storage client's; nothing loads it.
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
      packages: Record<string, { optionalDependencies?: Record<string, string> }>;
    };
    expect(Object.keys(lock.packages['node_modules/firebase-admin']!.optionalDependencies ?? {})).toContain(
      '@google-cloud/storage',
    );
    const sources = spawnSync('grep', [
      '-rlE',
      '@google-cloud/storage|firebase-admin/storage',
      'shared',
      'functions',
      'scripts',
    ]);
    expect(sources.stdout.toString()).toBe('');
  });

  it('keeps secrets, local data and dependencies out of the build context', () => {
    const ignore = readFileSync('.dockerignore', 'utf8').split('\n');
    for (const p of ['.env', '.data', 'node_modules', 'dist', '.git', '*.tfstate*']) expect(ignore).toContain(p);
  });
});
