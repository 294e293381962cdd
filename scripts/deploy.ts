import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// `npm run deploy`: what cloudbuild.yaml does, from a workstation. Checks the tools, the project and
// the tfvars first and says what is missing; then test → build → push → migrate → apply.

export interface DeployOptions {
  project: string;
  region: string;
  tag: string;
  stateBucket: string;
  skipTests: boolean;
  /**
   * The migrate job does not exist yet (first deploy): create it (and what it needs: the database, its IAM
   * users, the secret containers), make its user the migrator, migrate, and stop before the full apply,
   * which needs the secrets' values (docs/deploy.md).
   */
  firstDeploy: boolean;
}

export type Run = (cmd: string, args: string[]) => { status: number | null; stdout: string; stderr: string };

export const run: Run = (cmd, args) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { status: r.error ? null : r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
};

export const image = (o: Pick<DeployOptions, 'project' | 'region'>) =>
  `${o.region}-docker.pkg.dev/${o.project}/halobestie/api`;

/** Everything that must hold before anything is built; each problem says how to fix it. */
export function preflight(
  exec: Run,
  env: Record<string, string | undefined>,
  cwd = '.',
): { problems: string[]; project?: string } {
  const problems: string[] = [];
  const has = (cmd: string, args: string[]) => exec(cmd, args).status === 0;
  if (!has('gcloud', ['--version']))
    problems.push('gcloud not found on PATH: install the Google Cloud CLI (https://cloud.google.com/sdk).');
  if (!has('terraform', ['version']))
    problems.push(
      'terraform not found on PATH: install Terraform 1.11.4, the release terraform/versions.tf pins (https://developer.hashicorp.com/terraform).',
    );
  if (!has('docker', ['version', '--format', '{{.Server.Version}}']))
    problems.push('docker is missing or its daemon is not running: the image is built locally.');
  let project = env.GCP_PROJECT_ID || env.CLOUDSDK_CORE_PROJECT;
  if (!project && problems.length === 0) {
    const r = exec('gcloud', ['config', 'get-value', 'project']);
    project = r.status === 0 ? r.stdout.trim() || undefined : undefined;
  }
  if (!project)
    problems.push('no GCP project: set GCP_PROJECT_ID=<project> or run `gcloud config set project <project>`.');
  else if (problems.length === 0 && !has('gcloud', ['projects', 'describe', project, '--format=value(projectNumber)']))
    problems.push(`project ${project} is not reachable: run \`gcloud auth login\` (and check the project id).`);
  if (!existsSync(`${cwd}/terraform/terraform.tfvars`))
    problems.push('terraform/terraform.tfvars is missing: copy the bootstrap values (docs/deploy.md, First deploy).');
  return { problems, project };
}

/** The commands, in order. A first deploy creates the migrations job (and its network, database, secret) first. */
export function plan(o: DeployOptions): Array<{ step: string; cmd: string; args: string[] }> {
  const img = `${image(o)}:${o.tag}`;
  const tf = (...args: string[]) => ({ cmd: 'terraform', args: ['-chdir=terraform', ...args] });
  const tfVars = [`-var=image_tag=${o.tag}`, `-var=project_id=${o.project}`, `-var=region=${o.region}`];
  const steps: Array<{ step: string; cmd: string; args: string[] }> = [];
  if (!o.skipTests) steps.push({ step: 'test', cmd: 'npm', args: ['test'] });
  steps.push(
    { step: 'build', cmd: 'docker', args: ['build', '--pull', '-t', img, '.'] },
    { step: 'push', cmd: 'gcloud', args: ['auth', 'configure-docker', `${o.region}-docker.pkg.dev`, '--quiet'] },
    { step: 'push', cmd: 'docker', args: ['push', img] },
    {
      step: 'init',
      ...tf('init', '-input=false', `-backend-config=bucket=${o.stateBucket}`, '-backend-config=prefix=halobestie'),
    },
  );
  if (o.firstDeploy)
    steps.push(
      {
        step: 'migrate',
        ...tf(
          'apply',
          '-input=false',
          '-auto-approve',
          '-target=google_cloud_run_v2_job.migrate',
          '-target=google_secret_manager_secret.s',
          ...tfVars,
        ),
      },
      {
        // The one grant Terraform's provider cannot make: the migrator may create and own the schema.
        step: 'migrate',
        cmd: 'gcloud',
        args: [
          'sql',
          'users',
          'assign-roles',
          `migrate-job@${o.project}.iam`,
          '--instance=halobestie',
          '--type=CLOUD_IAM_SERVICE_ACCOUNT',
          '--database-roles=cloudsqlsuperuser',
          `--project=${o.project}`,
        ],
      },
    );
  else
    steps.push({
      step: 'migrate',
      cmd: 'gcloud',
      args: ['run', 'jobs', 'update', 'migrate', `--region=${o.region}`, `--image=${img}`, `--project=${o.project}`],
    });
  steps.push({
    step: 'migrate',
    cmd: 'gcloud',
    args: ['run', 'jobs', 'execute', 'migrate', `--region=${o.region}`, `--project=${o.project}`, '--wait'],
  });
  if (!o.firstDeploy) steps.push({ step: 'apply', ...tf('apply', '-input=false', '-auto-approve', ...tfVars) });
  return steps;
}

async function main() {
  const env = process.env;
  const { problems, project } = preflight(run, env);
  if (problems.length) {
    process.stderr.write(`npm run deploy: cannot start.\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  const git = run('git', ['rev-parse', 'HEAD']);
  const dirty = run('git', ['status', '--porcelain']).stdout.trim();
  if (git.status !== 0 || (dirty && env.DEPLOY_ALLOW_DIRTY !== 'true')) {
    process.stderr.write(
      'npm run deploy: the image is tagged with the commit; commit first (or DEPLOY_ALLOW_DIRTY=true).\n',
    );
    process.exit(1);
  }
  const region = env.GCP_REGION || 'asia-southeast2';
  const jobExists =
    run('gcloud', ['run', 'jobs', 'describe', 'migrate', `--region=${region}`, `--project=${project}`]).status === 0;
  const tag = git.stdout.trim();
  const steps = plan({
    project: project!,
    region,
    tag,
    stateBucket: env.TF_STATE_BUCKET || `${project}-tfstate`,
    skipTests: process.argv.includes('--skip-tests'),
    firstDeploy: !jobExists,
  });
  for (const s of steps) {
    process.stdout.write(`\n[${s.step}] ${s.cmd} ${s.args.join(' ')}\n`);
    const r = spawnSync(s.cmd, s.args, { stdio: 'inherit' });
    if (r.status !== 0) {
      process.stderr.write(`npm run deploy: step ${s.step} failed (exit ${r.status ?? r.error?.message}).\n`);
      process.exit(1);
    }
  }
  if (!jobExists) {
    process.stdout.write(
      "\nFirst deploy: the database is migrated. Add the secrets' values (docs/deploy.md, step 3), then run " +
        '`npm run deploy` again to deploy the services.\n',
    );
    return;
  }
  process.stdout.write(`\ndeployed ${image({ project: project!, region })}:${tag}\n`);
}

const argv1 = process.argv[1];
if (argv1 && existsSync(argv1) && realpathSync(argv1) === realpathSync(fileURLToPath(import.meta.url))) await main();
