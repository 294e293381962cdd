import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// bench/ sits above scripts/ (it measures what scripts build and start): the project's ESLint config must
// refuse the arrow running back down, and only that one.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('scripts/ never imports bench/ (eslint.config.js)', () => {
  it.each([
    ['scripts/probe.ts', "import { withBenchEnv } from '../bench/harness';\nexport const x = withBenchEnv;\n"],
    ['scripts/local/probe.ts', "import { median } from '../../bench/lib/stats';\nexport const x = median;\n"],
    ['scripts/probe.ts', "export { table } from '../bench/lib/stats';\n"],
    ['scripts/probe.ts', "import type { BenchEnv } from '../bench/harness';\nexport type X = BenchEnv;\n"],
  ])('fails %s importing bench: %j', async (file, code) => {
    const messages = await restrictedImports(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('scripts/ never imports bench/');
  });

  it('lets bench/ import scripts/, and scripts/ import a name that merely starts with "bench"', async () => {
    expect(
      await restrictedImports(
        'bench/probe.ts',
        "import { freePort } from '../scripts/local/free-port';\nfreePort();\n",
      ),
    ).toEqual([]);
    expect(
      await restrictedImports(
        'scripts/probe.ts',
        "import { x } from './benchmarks-of-something';\nexport const y = x;\n",
      ),
    ).toEqual([]);
  });
});
