import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleServer } from '../../scripts/bundle';
import { warmCodeCache } from '../../scripts/warm-code-cache';
import { CODE_CACHE_WRITE_ENV, codeCacheFile, SERVER_BUNDLE, SERVER_MAIN } from '../../scripts/code-cache';
import { serveMain } from '../helpers/serve-main';

// Inside the project, so the bundle resolves its external packages (bcrypt) from node_modules.
mkdirSync('node_modules/.cache', { recursive: true });
const dir = mkdtempSync(path.resolve('node_modules/.cache/halo-code-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A server built as the functions' are: /healthz, a lazily imported external package, import.meta.url.
const SERVER = `
import http from 'node:http';
const server = http.createServer(async (req, res) => {
  if (req.url === '/bcrypt') {
    const bcrypt = (await import('bcrypt')).default;
    return res.end(String(await bcrypt.compare('x', bcrypt.hashSync('x', 4))));
  }
  res.end(req.url === '/url' ? import.meta.url : 'ok');
});
if (process.env.EXIT_AT_LOAD) process.exit(0);
server.listen(Number(process.env.PORT), '127.0.0.1');
process.once('SIGTERM', () => process.exit(0));
`;

let built: Promise<string> | undefined;
const buildOnce = () =>
  (built ??= (async () => {
    writeFileSync(path.join(dir, 'server.ts'), SERVER);
    await bundleServer(path.join(dir, 'server.ts'), path.join(dir, 'out'));
    return path.join(dir, 'out', SERVER_MAIN);
  })());

describe('a server run from main.cjs with its code cache', () => {
  it('says so when there is no cache, and still serves', async () => {
    const main = await buildOnce();
    rmSync(codeCacheFile(path.join(path.dirname(main), SERVER_BUNDLE)), { force: true });
    const { answers, stderr } = await serveMain(main, ['/healthz']);
    expect(answers).toEqual(['ok']);
    expect(JSON.parse(stderr.trim())).toMatchObject({ severity: 'WARNING', message: expect.stringMatching(/missing/) });
  });

  it('is warmed into a cache that holds what start-up and a request compiled, then runs from it silently', async () => {
    const main = await buildOnce();
    const bundle = path.join(path.dirname(main), SERVER_BUNDLE);
    // Exiting as soon as the bundle is evaluated: what Node's compile cache would hold at most.
    const exitAtLoad = spawn(process.execPath, [main], {
      env: { ...process.env, [CODE_CACHE_WRITE_ENV]: '1', EXIT_AT_LOAD: '1' },
    });
    await new Promise((r) => exitAtLoad.once('exit', r));
    const loadOnly = statSync(codeCacheFile(bundle)).size;

    const cache = await warmCodeCache(main, {});
    expect(cache).toBe(codeCacheFile(bundle));
    expect(statSync(cache).size).toBeGreaterThan(loadOnly);

    const { answers, stderr } = await serveMain(main, ['/healthz', '/bcrypt', '/url']);
    expect(stderr).toBe('');
    // A dynamic import of an installed package works from inside the cached script; import.meta.url is the bundle's.
    expect(answers).toEqual(['ok', 'true', pathToFileURL(bundle).href]);
  });

  it('compiles from source, and says so, when V8 refuses the cache (it was made for another bundle)', async () => {
    const main = await buildOnce();
    const cache = codeCacheFile(path.join(path.dirname(main), SERVER_BUNDLE));
    await warmCodeCache(main, {});
    const good = readFileSync(cache);
    writeFileSync(path.join(dir, 'other.ts'), `${SERVER}\n// another release\nexport const release = 2;\n`);
    await bundleServer(path.join(dir, 'other.ts'), path.join(dir, 'other'));
    const other = await warmCodeCache(path.join(dir, 'other', SERVER_MAIN), {});
    try {
      writeFileSync(cache, readFileSync(other));
      const { answers, stderr } = await serveMain(main, ['/healthz', '/bcrypt']);
      expect(answers).toEqual(['ok', 'true']);
      expect(JSON.parse(stderr.trim())).toMatchObject({
        severity: 'WARNING',
        message: expect.stringMatching(/rejected/),
      });
    } finally {
      writeFileSync(cache, good);
    }
  });
});
