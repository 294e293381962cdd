import { spawn } from 'node:child_process';
import http from 'node:http';
import { freePort } from '../../scripts/local/free-port';
import { healthzStatus } from '../../scripts/warm-code-cache';

const get = (port: number, path: string) =>
  new Promise<string>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });

/**
 * Starts `node <main>` as the container does, asks each path once it answers /healthz, stops it with
 * SIGTERM; returns the bodies and everything it wrote to stderr.
 */
export async function serveMain(main: string, paths: string[], env: Record<string, string> = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise((r) => child.once('exit', r));
  try {
    while ((await healthzStatus(port)) !== 200) {
      if (child.exitCode !== null) throw new Error(`${main} exited: ${stderr}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    const answers: string[] = [];
    for (const p of paths) answers.push(await get(port, p));
    return { answers, stderr };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}
