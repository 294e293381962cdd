import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleEntry, bundleServer } from '../../scripts/bundle';
import { runCachedBundle, SERVER_BUNDLE } from '../../scripts/code-cache';
import { createLogger } from '../../shared/logger';
import { sourceMappedStack } from '../../shared/stack-sources';

// A bundle built as the image's are (source map beside it), run without --enable-source-maps.
mkdirSync('node_modules/.cache', { recursive: true });
const dir = mkdtempSync(path.resolve('node_modules/.cache/halo-stack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Built and thrown once for the file. */
let thrown: Promise<Error> | undefined;
const bundledError = () => (thrown ??= buildAndThrow());

async function buildAndThrow(): Promise<Error> {
  const source = path.join(dir, 'thrower.ts');
  writeFileSync(
    source,
    ['export function fail(): never {', '  const why: string = "boom";', '  throw new Error(why);', '}', ''].join('\n'),
  );
  writeFileSync(path.join(dir, 'entry.ts'), `export { fail } from './thrower';\n`);
  await bundleEntry(path.join(dir, 'entry.ts'), path.join(dir, 'out'));
  const mod = (await import(pathToFileURL(path.join(dir, 'out', 'index.mjs')).href)) as { fail(): never };
  try {
    mod.fail();
  } catch (err) {
    return err as Error;
  }
  throw new Error('did not throw');
}

describe('sourceMappedStack', () => {
  it('points the bundle frames at the TypeScript line they came from', async () => {
    const err = await bundledError();
    expect(err.stack).toContain(`${path.join(dir, 'out', 'index.mjs')}:`);
    const mapped = sourceMappedStack(err.stack!);
    expect(mapped).toContain(`${path.join(dir, 'thrower.ts')}:3:`);
    expect(mapped).not.toContain('index.mjs:');
    expect(mapped.split('\n')[0]).toBe('Error: boom');
  });

  it('maps the frames of the container server (server.cjs, run from its code cache by main.cjs) too', async () => {
    writeFileSync(
      path.join(dir, 'server.ts'),
      `import { fail } from './thrower';\n(globalThis as { haloFail?: () => never }).haloFail = fail;\n`,
    );
    await bundleServer(path.join(dir, 'server.ts'), path.join(dir, 'server'));
    const bundle = path.join(dir, 'server', SERVER_BUNDLE);
    expect(runCachedBundle(bundle, {})).toBe('missing');
    let stack = '';
    try {
      (globalThis as { haloFail?: () => never }).haloFail!();
    } catch (err) {
      stack = (err as Error).stack!;
    }
    expect(stack).toContain(`${bundle}:`);
    expect(sourceMappedStack(stack)).toContain(`${path.join(dir, 'thrower.ts')}:3:`);
  });

  it('leaves frames without a map as they are', () => {
    const stack = 'Error: x\n    at f (/nowhere/file.js:1:2)\n    at node:internal/process/task_queues:95:5';
    expect(sourceMappedStack(stack)).toBe(stack);
  });

  it('is what the logger writes for an error', async () => {
    const err = await bundledError();
    const lines: string[] = [];
    createLogger('info', {}, (l) => lines.push(l)).error('failed', { err });
    const logged = JSON.parse(lines[0]!) as { err: { stack: string } };
    expect(logged.err.stack).toContain(`${path.join(dir, 'thrower.ts')}:3:`);
  });
});
