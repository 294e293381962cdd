import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Issue 29: a feature's SQL lives only in `shared/<feature>/repo/`, and each table is written by one
 * feature, its owner. Reads may cross (a join for names or counts); writes may not.
 */
const OWNERS: Record<string, string> = {
  customers: 'users',
  mitras: 'users',
  control_center_users: 'users',
  roles: 'users',
  role_permissions: 'users',
  device_tokens: 'users',
  auth_sessions: 'auth',
  auth_refresh_tokens: 'auth',
  otp_requests: 'auth',
  chat_requests: 'pairing',
  chat_request_notifications: 'pairing',
  chat_sessions: 'sessions',
  chat_messages: 'sessions',
  session_extensions: 'sessions',
  session_ratings: 'sessions',
  session_sensitivity_log: 'sessions',
  reports: 'sessions',
  payments: 'payments',
  payment_callbacks: 'payments',
  app_config: 'config',
  app_config_audit: 'config',
  app_config_version: 'config',
  cc_audit_log: 'controlcenter',
  rate_limits: 'limits',
  free_trial_claims: 'pairing',
  erasures: 'privacy',
  safety_alerts: 'safety',
};

/** Platform folders: no feature, so their SQL (over their own tables) sits where their code is. */
const PLATFORM: Record<string, string> = {
  'shared/db': 'the pool, transactions and migrations: the schema itself',
  'shared/outbox': 'the outbox table and its relay; features reach it only through commitWithEffects',
  'shared/adapters/local': 'the local stand-ins for Cloud Tasks, Pub/Sub, FCM and the OTP provider (local_* tables)',
};

const STATEMENT = /\bSELECT\b|\bINSERT\s+INTO\b|\bUPDATE\s+[a-z_]+\s+(?:[a-z]\w*\s+)?SET\b|\bDELETE\s+FROM\b/;
const WRITES = [
  /\bINSERT\s+INTO\s+([a-z_]+)/g,
  /\bUPDATE\s+([a-z_]+)\s+(?:[a-z]\w*\s+)?SET\b/g,
  /\bDELETE\s+FROM\s+([a-z_]+)/g,
];

/** The text of every string and template literal in a source (comments and identifiers never count). */
function literals(source: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node))
      found.push([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ${} '));
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('x.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS));
  return found;
}

const featureOf = (file: string) => file.split('/')[1]!;
const platformOf = (file: string) => Object.keys(PLATFORM).find((p) => file.startsWith(`${p}/`));

/** (a) SQL text in a file that is neither in a feature's repo/ folder nor in a platform folder. */
function sqlOutsideRepo(file: string, texts: string[]): string[] {
  if (platformOf(file) || file.split('/').includes('repo')) return [];
  return texts
    .filter((text) => STATEMENT.test(text))
    .map((text) => `${file}: ${text.trim().split('\n')[0]!.slice(0, 80)}`);
}

/** (b) A write to a table by a file outside the table's owner (or to a table no feature owns yet). */
function writesByOthers(file: string, texts: string[]): string[] {
  const platform = platformOf(file);
  return texts.flatMap((text) =>
    WRITES.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]!)).flatMap((table) => {
      const owner = OWNERS[table];
      if (owner === undefined) return platform ? [] : [`${file} writes ${table}, which has no owner: add it to OWNERS`];
      return !platform && featureOf(file) === owner ? [] : [`${file} writes ${table}, owned by ${owner}`];
    }),
  );
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.posix.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

const shared = files('shared').map((file) => ({ file, texts: literals(readFileSync(file, 'utf8')) }));

describe('SQL ownership (issue 29)', () => {
  it('keeps every feature SQL statement in its repo/ folder', () => {
    expect(shared.flatMap(({ file, texts }) => sqlOutsideRepo(file, texts))).toEqual([]);
  });

  it('lets only a table’s owner write it', () => {
    expect(shared.flatMap(({ file, texts }) => writesByOthers(file, texts))).toEqual([]);
  });

  it('names only platform folders that exist', () => {
    for (const dir of Object.keys(PLATFORM)) expect(statSync(dir).isDirectory(), dir).toBe(true);
  });

  describe('the checks themselves', () => {
    const useCase = literals(`/** One conditional UPDATE moves it; SELECT nothing here. */
      export async function x(q) { await q.query(\`UPDATE mitras SET is_online = \${1} WHERE id = $1\`, []); }`);
    const query = (sql: string) => literals(`q.query('${sql}');`);

    it('see SQL in a use case, but not words in its comments', () => {
      expect(sqlOutsideRepo('shared/pairing/go-online.ts', useCase)).toHaveLength(1);
      const comment = literals('// SELECT, INSERT INTO t, UPDATE t SET\nexport {};');
      expect(sqlOutsideRepo('shared/pairing/go-online.ts', comment)).toEqual([]);
      expect(sqlOutsideRepo('shared/users/repo/mitras.ts', useCase)).toEqual([]);
      expect(sqlOutsideRepo('shared/outbox/enqueue.ts', useCase)).toEqual([]);
    });

    it('see a write by another feature, a platform folder, or to an unowned table', () => {
      expect(writesByOthers('shared/pairing/repo/presence.ts', useCase)).toEqual([
        'shared/pairing/repo/presence.ts writes mitras, owned by users',
      ]);
      expect(writesByOthers('shared/users/repo/mitras.ts', useCase)).toEqual([]);
      expect(
        writesByOthers('shared/adapters/local/seed.ts', query('DELETE FROM customers WHERE id = $1')),
      ).toHaveLength(1);
      expect(writesByOthers('shared/users/repo/x.ts', query('INSERT INTO brand_new (a) VALUES ($1)'))).toEqual([
        'shared/users/repo/x.ts writes brand_new, which has no owner: add it to OWNERS',
      ]);
      const aliased = query('UPDATE chat_request_notifications n SET status = $1');
      expect(writesByOthers('shared/pairing/repo/x.ts', aliased)).toEqual([]);
      const upsert = query('INSERT INTO app_config (key) VALUES ($1) ON CONFLICT (key) DO UPDATE SET value = $2');
      expect(writesByOthers('shared/config/repo/x.ts', upsert)).toEqual([]);
    });
  });
});
