import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { isAlive, procArgv, procInfo } from './processes';

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

/** `postmaster.pid`: the server's own lock file (pid, data dir, start time, port, …, status). */
export interface PostmasterPid {
  pid: number;
  port: number;
  status: string;
}

export function readPostmasterPid(dataDir: string): PostmasterPid | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  return { pid: Number(lines[0]), port: Number(lines[3]), status: (lines[7] ?? '').trim() };
}

// Without /proc (not Linux) we cannot see the command line; a live pid then has to do.
const isPostgres = (pid: number) =>
  isAlive(pid) && (procInfo(process.pid) === undefined || procArgv(pid).some((a) => path.basename(a) === 'postgres'));

/**
 * A server still running on `dataDir` when we are about to start one is an orphan: the caller holds the
 * data dir's lock, so whoever started it is dead (a `kill -9`, or a version of this script without the
 * lock). Stop it, so we come back on whatever port we were asked for, with our settings.
 */
function stopOrphan(binDir: string, dataDir: string, log: (msg: string) => void): void {
  const pm = readPostmasterPid(dataDir);
  if (!pm) return;
  if (!isPostgres(pm.pid)) {
    // Dead, a zombie nobody reaps, or a recycled pid: the file is stale, and the server would trust a zombie.
    rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });
    return;
  }
  log(`Stopping an orphaned Postgres (pid ${pm.pid}, port ${pm.port}) that a previous run left on ${dataDir}`);
  try {
    run(binDir, 'pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
  } catch (err) {
    // It may have finished shutting down by itself meanwhile (its parent-death signal).
    if (readPostmasterPid(dataDir)) throw err;
  }
}

const hasSetprivPdeathsig = (() => {
  let cached: boolean | undefined;
  return () => (cached ??= spawnSync('setpriv', ['--help'], { encoding: 'utf8' }).stdout?.includes('--pdeathsig'));
})();

/**
 * How to exec the server so that it dies with us: `setpriv --pdeathsig=INT` makes the kernel send the
 * postmaster SIGINT (fast shutdown) when our process dies, even by `kill -9`; as root it also drops to the
 * postgres user in the same exec (runuser would fork and stay in between as the parent).
 */
function serverCommand(binDir: string, args: string[]): [string, string[]] {
  const bin = path.join(binDir, 'postgres');
  if (hasSetprivPdeathsig()) {
    const user = isRoot() ? [`--reuid=${OS_USER}`, `--regid=${OS_USER}`, '--init-groups'] : [];
    return ['setpriv', [...user, '--pdeathsig=INT', '--', bin, ...args]];
  }
  return isRoot() ? ['runuser', ['-u', OS_USER, '--', bin, ...args]] : [bin, args];
}

const logTail = (file: string) => {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '';
  }
};

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
  stopOrphan(binDir, dataDir, opts.log);

  // Clients on this machine talk over a Unix socket, as Cloud Run reaches Cloud SQL (/cloudsql/…): a loopback
  // TCP round trip costs several times the CPU. A path past the kernel's 107-byte limit keeps TCP only.
  const socketDir = path.resolve(opts.dir);
  const viaSocket = path.join(socketDir, `.s.PGSQL.${opts.port}`).length <= 100;
  const logFile = path.join(opts.dir, 'postgres.log');
  const logFd = openSync(logFile, 'a');
  const [file, argv] = serverCommand(binDir, [
    '-D',
    dataDir,
    '-p',
    String(opts.port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `unix_socket_directories=${viaSocket ? socketDir : ''}`,
    '-c',
    'max_connections=300',
    ...(opts.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
  ]);
  // Its own session: a Ctrl-C or terminal hang-up reaches us, and we stop the server in order.
  const child = spawn(file, argv, { detached: true, stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  child.unref();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let dead = false;
  void exited.then(() => (dead = true));

  const deadline = Date.now() + 60_000;
  let pm = readPostmasterPid(dataDir);
  while (!(pm && pm.status === 'ready')) {
    if (dead)
      throw new Error(
        `Postgres exited during start-up on port ${opts.port} (PG_PORT); ${logFile} ends:\n${logTail(logFile)}`,
      );
    if (Date.now() > deadline) {
      child.kill('SIGQUIT');
      throw new Error(`Postgres not ready within 60 s on port ${opts.port}; ${logFile} ends:\n${logTail(logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 25));
    pm = readPostmasterPid(dataDir);
  }
  const postmaster = pm.pid;

  const url = (database: string) =>
    viaSocket
      ? `postgres://postgres@localhost:${opts.port}/${database}?host=${encodeURIComponent(socketDir)}`
      : `postgres://postgres@127.0.0.1:${opts.port}/${database}`;
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
      if (dead) return;
      // SIGINT is what `pg_ctl stop -m fast` sends; SIGQUIT (immediate) if it has not finished in 30 s.
      const signal = (sig: NodeJS.Signals) => {
        try {
          process.kill(postmaster, sig);
        } catch {
          // already gone
        }
      };
      signal('SIGINT');
      const slow = setTimeout(() => !dead && signal('SIGQUIT'), 30_000);
      await exited;
      clearTimeout(slow);
    },
  };
}
