import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The house's rules that a linter can see (docs/code-shape.md): each must fail on its violation.
const eslint = new ESLint({ cwd: process.cwd() });

async function messages(file: string, code: string, rule: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(file) });
  return result!.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}
const frontDoor = (file: string, code: string) => messages(file, code, '@typescript-eslint/no-restricted-imports');

describe('features are reached through their front doors', () => {
  it.each([
    ['shared/pairing/probe.ts', "import { findSession } from '../sessions/repo/chat-sessions';\nvoid findSession;\n"],
    ['shared/controlcenter/probe.ts', "import { listReports } from '../sessions/repo/reports';\nvoid listReports;\n"],
    ['shared/sessions/probe.ts', "import { invoiceTask } from '../payments/invoice-task';\nvoid invoiceTask;\n"],
    ['shared/http/probe.ts', "import { authGuards } from '../auth/guards';\nvoid authGuards;\n"],
    [
      'functions/pairing/routes/probe.ts',
      "import { acceptRequest } from '../../../shared/pairing/accept-request';\nvoid acceptRequest;\n",
    ],
    ['scripts/local/probe.ts', "import { seed } from '../../shared/config/repo/app-config';\nvoid seed;\n"],
  ])('fails %s reaching into another feature', async (file, code) => {
    expect(await frontDoor(file, code)).toEqual([expect.stringContaining('through its front door')]);
  });

  it('lets a feature import its own files and another feature’s index', async () => {
    expect(
      await frontDoor('shared/pairing/probe.ts', "import { findSession } from '../sessions';\nvoid findSession;\n"),
    ).toEqual([]);
    expect(
      await frontDoor(
        'shared/pairing/probe.ts',
        "import { findRequest } from './repo/chat-requests';\nvoid findRequest;\n",
      ),
    ).toEqual([]);
    expect(
      await frontDoor(
        'functions/pairing/routes/probe.ts',
        "import { acceptRequest } from '../../../shared/pairing';\nvoid acceptRequest;\n",
      ),
    ).toEqual([]);
  });
});

describe('effects reach the relay through commitWithEffects alone', () => {
  it('fails a hand kick of the relay outside shared/outbox', async () => {
    const code = 'export function f(deps: { relay: { kick(): void } }) {\n  deps.relay.kick();\n}\n';
    expect(await messages('shared/sessions/probe.ts', code, 'no-restricted-syntax')).toEqual([
      expect.stringContaining('commitWithEffects'),
    ]);
    expect(await messages('functions/session/routes/probe.ts', code, 'no-restricted-syntax')).toHaveLength(1);
    expect(await messages('shared/outbox/probe.ts', code, 'no-restricted-syntax')).toEqual([]);
  });
});
