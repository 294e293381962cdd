import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { plan, preflight, type Run } from '../../scripts/deploy';

const yaml = readFileSync('cloudbuild.yaml', 'utf8');
// The step list of cloudbuild.yaml: `- id: x` then its name/args lines (no YAML library needed for this shape).
const steps = yaml
  .split(/\n {2}- id: /)
  .slice(1)
  .map((block) => ({ id: block.split('\n')[0]!.trim(), body: block }));

describe('cloudbuild.yaml', () => {
  it('runs test → build → push → migrate → apply, in that order', () => {
    expect(steps.map((s) => s.id)).toEqual(['test', 'build', 'push', 'migrate', 'apply']);
    expect(yaml).not.toMatch(/waitFor/); // no step may start before the previous one finished
  });

  it('tests with npm ci && npm test, builds and pushes the image tagged with the commit', () => {
    const by = Object.fromEntries(steps.map((s) => [s.id, s.body]));
    expect(by.test).toContain("'npm ci && npm test'");
    expect(by.build).toContain("'${_IMAGE}:${COMMIT_SHA}'");
    expect(by.push).toContain("['push', '${_IMAGE}:${COMMIT_SHA}']");
    expect(by.migrate).toMatch(/gcloud run jobs update migrate .*--image=\$\{_IMAGE\}:\$\{COMMIT_SHA\}/);
    expect(by.migrate).toMatch(/gcloud run jobs execute migrate .*--wait/);
    expect(by.apply).toMatch(/terraform apply .*-var=image_tag=\$\{COMMIT_SHA\}/);
    expect(yaml).toMatch(/_IMAGE: \$\{_REGION\}-docker\.pkg\.dev\/\$\{PROJECT_ID\}\/halobestie\/api/);
  });
});

describe('npm run deploy', () => {
  const opts = {
    project: 'halo-prod',
    region: 'asia-southeast2',
    tag: 'abc123',
    stateBucket: 'halo-prod-tfstate',
    skipTests: false,
    firstDeploy: false,
  };

  it('plans the same order as the pipeline, with the commit tag everywhere', () => {
    const p = plan(opts);
    const order = p.map((s) => s.step).filter((s, i, a) => a.indexOf(s) === i);
    expect(order).toEqual(['test', 'build', 'push', 'init', 'migrate', 'apply']);
    const img = 'asia-southeast2-docker.pkg.dev/halo-prod/halobestie/api:abc123';
    expect(p.find((s) => s.step === 'build')!.args).toContain(img);
    expect(p.filter((s) => s.step === 'migrate').map((s) => s.args.slice(0, 4).join(' '))).toEqual([
      'run jobs update migrate',
      'run jobs execute migrate',
    ]);
    expect(p.at(-1)!.args).toContain('-var=image_tag=abc123');
  });

  it('on a first deploy creates the migrations job with Terraform, makes its user the migrator, then runs it', () => {
    const first = plan({ ...opts, firstDeploy: true, skipTests: true });
    const migrate = first.filter((s) => s.step === 'migrate');
    expect(migrate[0]!.args).toEqual(
      expect.arrayContaining(['-target=google_cloud_run_v2_job.migrate', '-target=google_secret_manager_secret.s']),
    );
    // The migrate job's IAM database user (terraform/database.tf: the email without .gserviceaccount.com).
    expect(migrate[1]!.args).toEqual([
      'sql',
      'users',
      'assign-roles',
      'migrate-job@halo-prod.iam',
      '--instance=halobestie',
      '--type=CLOUD_IAM_SERVICE_ACCOUNT',
      '--database-roles=cloudsqlsuperuser',
      '--project=halo-prod',
    ]);
    expect(migrate[2]!.args.slice(0, 3)).toEqual(['run', 'jobs', 'execute']);
    // The services need the secrets' values first: the full apply waits for the next run.
    expect(first.some((s) => s.step === 'apply')).toBe(false);
    expect(readFileSync('terraform/migrations.tf', 'utf8')).toContain('account_id   = "migrate-job"');
    expect(readFileSync('terraform/database.tf', 'utf8')).toContain('name                = "halobestie"');
  });

  it('names each missing tool and the missing project (fake PATH)', () => {
    const bin = mkdtempSync(path.join(os.tmpdir(), 'halo-fakepath-'));
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'halo-deploy-cwd-'));
    try {
      // Only a gcloud that knows no project; no terraform, no docker.
      writeFileSync(
        path.join(bin, 'gcloud'),
        '#!/bin/sh\ncase "$*" in "--version") echo fake;; "config get-value project") echo "";; *) exit 1;; esac\n',
      );
      chmodSync(path.join(bin, 'gcloud'), 0o755);
      const fakeRun: Run = (cmd, args) => {
        const r = spawnSync(cmd, args, { encoding: 'utf8', env: { PATH: bin } });
        return { status: r.error ? null : r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
      };
      const { problems } = preflight(fakeRun, {}, cwd);
      expect(problems).toEqual([
        expect.stringMatching(/^terraform not found on PATH/),
        expect.stringMatching(/^docker is missing/),
        expect.stringMatching(/^no GCP project/),
        expect.stringMatching(/terraform\.tfvars is missing/),
      ]);

      // With every tool present, the project from gcloud's config, and tfvars in place: no problems.
      for (const tool of ['terraform', 'docker']) {
        writeFileSync(path.join(bin, tool), '#!/bin/sh\nexit 0\n');
        chmodSync(path.join(bin, tool), 0o755);
      }
      writeFileSync(
        path.join(bin, 'gcloud'),
        '#!/bin/sh\ncase "$*" in "config get-value project") echo halo-prod;; *) exit 0;; esac\n',
      );
      mkdirSync(path.join(cwd, 'terraform'));
      writeFileSync(path.join(cwd, 'terraform', 'terraform.tfvars'), 'project_id = "halo-prod"\n');
      expect(preflight(fakeRun, {}, cwd)).toEqual({ problems: [], project: 'halo-prod' });
      expect(preflight(fakeRun, { GCP_PROJECT_ID: 'other' }, cwd).project).toBe('other');
    } finally {
      rmSync(bin, { recursive: true, force: true });
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
