import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgres {
  url(database: string): string;
  createDatabase(name: string, template?: string): Promise<void>;
  stop(): Promise<void>;
}

const OS_USER = 'postgres';
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function findBinDir(): string | undefined {
  if (process.env.PG_BIN_DIR && existsSync(path.join(process.env.PG_BIN_DIR, 'postgres')))
    return process.env.PG_BIN_DIR;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], 'bin') : undefined;
}

export interface InstallDeps {
  find: () => string | undefined;
  root: boolean;
  exec: (file: string, args: string[], env: NodeJS.ProcessEnv) => void;
}

const realInstallDeps = (): InstallDeps => ({
  find: findBinDir,
  root: isRoot(),
  exec: (file, args, env) => execFileSync(file, args, { stdio: 'inherit', env }),
});

/** Finds the PostgreSQL server binaries, installing Debian's package when they are missing. */
export function ensurePostgresBinaries(log: (msg: string) => void, deps: InstallDeps = realInstallDeps()): string {
  const found = deps.find();
  if (found) return found;
  if (!deps.root) {
    throw new Error(
      'PostgreSQL server binaries not found. Install them (apt-get install postgresql) or set PG_BIN_DIR / DATABASE_URL.',
    );
  }
  log('PostgreSQL binaries missing: installing Debian package postgresql (one time)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  deps.exec('apt-get', ['update'], env);
  deps.exec('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], env);
  const installed = deps.find();
  if (!installed)
    throw new Error('apt-get installed postgresql but no server binaries were found under /usr/lib/postgresql');
  return installed;
}

function ensureOsUser(): void {
  if (spawnSync('id', ['-u', OS_USER]).status === 0) return;
  execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', OS_USER]);
}

/** Runs a server binary; as root it runs as the postgres OS user, since the server refuses root. */
function run(binDir: string, cmd: string, args: string[]): void {
  const bin = path.join(binDir, cmd);
  const [file, argv] = isRoot() ? ['runuser', ['-u', OS_USER, '--', bin, ...args]] : [bin, args];
  const res = spawnSync(file, argv, { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${cmd} failed (${res.status}): ${res.stderr || res.stdout}`);
}

function isRunning(binDir: string, dataDir: string): boolean {
  const bin = path.join(binDir, 'pg_ctl');
  const [file, argv] = isRoot()
    ? ['runuser', ['-u', OS_USER, '--', bin, 'status', '-D', dataDir]]
    : [bin, ['status', '-D', dataDir]];
  return spawnSync(file, argv).status === 0;
}

export async function startEmbeddedPostgres(opts: {
  dir: string;
  port: number;
  durable: boolean;
  log: (msg: string) => void;
}): Promise<EmbeddedPostgres> {
  const binDir = ensurePostgresBinaries(opts.log);
  const dataDir = path.join(opts.dir, 'data');
  mkdirSync(opts.dir, { recursive: true });
  if (isRoot()) {
    ensureOsUser();
    chmodSync(opts.dir, 0o777);
  }
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    run(binDir, 'initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  }
  if (!isRunning(binDir, dataDir)) {
    const settings = [
      `-p ${opts.port}`,
      '-c listen_addresses=127.0.0.1',
      "-c unix_socket_directories=''",
      '-c max_connections=300',
      ...(opts.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
    ].join(' ');
    run(binDir, 'pg_ctl', [
      '-D',
      dataDir,
      '-o',
      settings,
      '-l',
      path.join(opts.dir, 'postgres.log'),
      '-w',
      '-t',
      '60',
      'start',
    ]);
  }
  const url = (database: string) => `postgres://postgres@127.0.0.1:${opts.port}/${database}`;
  return {
    url,
    async createDatabase(name, template) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (!rowCount) await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
      } finally {
        await client.end();
      }
    },
    async stop() {
      run(binDir, 'pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
    },
  };
}
