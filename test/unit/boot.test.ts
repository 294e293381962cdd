import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isMainModule, listen } from '../../shared/http/boot';

describe('function boot', () => {
  it('serves itself only when it is the script node started (not when the Functions Framework loads it)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'halo-boot-'));
    try {
      const file = path.join(dir, 'index.mjs');
      writeFileSync(file, '');
      symlinkSync(file, path.join(dir, 'link.mjs'));
      const url = pathToFileURL(file).href;
      expect(isMainModule(url, file)).toBe(true);
      expect(isMainModule(url, path.join(dir, 'link.mjs'))).toBe(true);
      expect(isMainModule(url, '/usr/lib/node_modules/@google-cloud/functions-framework/build/src/main.js')).toBe(
        false,
      );
      expect(isMainModule(url, undefined)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('listens with plain node:http and keeps connections longer than Google’s front end', async () => {
    const server = await listen((_req, res) => res.end('ok'), 0, '127.0.0.1');
    try {
      const { port } = server.address() as { port: number };
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');
      expect(server.keepAliveTimeout).toBeGreaterThan(600_000);
      expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
