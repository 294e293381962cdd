import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const MAX_LINES = 250;
const REASON = /^\/\/ long-file: \S/m;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('the shape of the code (docs/code-shape.md)', () => {
  it(`keeps files under functions/ and shared/ within ${MAX_LINES} lines, or says why at the top`, () => {
    const long = [...files('functions'), ...files('shared')]
      .map((f) => ({ f, text: readFileSync(f, 'utf8') }))
      .filter(
        ({ text }) => text.split('\n').length > MAX_LINES && !REASON.test(text.split('\n').slice(0, 5).join('\n')),
      )
      .map(({ f, text }) => `${f} (${text.split('\n').length})`);
    expect(long).toEqual([]);
  });

  it('keeps runtime.ts to choosing adapters: it builds no service', () => {
    const runtime = readFileSync('shared/runtime.ts', 'utf8');
    for (const service of ['AccessTokens', 'RolePermissions', 'ConfigReader', 'RevocationCache', 'Service(']) {
      expect(runtime, service).not.toContain(service);
    }
  });

  it('lets no function app import another function', () => {
    const crossing = files('functions').flatMap((f) => {
      const own = f.split(path.sep)[1];
      return [...readFileSync(f, 'utf8').matchAll(/from '((?:\.\.\/)+functions\/([^/']+)|\.\.\/\.\.\/([^/'.]+)\/)/g)]
        .map((m) => m[2] ?? m[3])
        .filter((other) => other && other !== own && other !== 'shared')
        .map((other) => `${f} → ${other}`);
    });
    expect(crossing).toEqual([]);
  });
});
