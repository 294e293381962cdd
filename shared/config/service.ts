import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../clock';
import type { Db } from '../db/pool';
import { tx } from '../db/tx';
import type { Env } from '../env';
import { AppError } from '../errors';
import { enqueue, outbox } from '../outbox/outbox';
import type { OutboxRelay } from '../outbox/relay';
import { loadConfig, type ConfigReader } from './reader';
import { CONFIG_KEYS, type AppConfig, type ConfigKey } from './schema';
import { boundViolations, CONFIG_SECTIONS, envBounds, envDerived, publicConfig, type ConfigSection } from './sections';

export const PUBLIC_CONFIG_DOC = 'config/public';

export interface ConfigDeps {
  db: Db;
  clock: Clock;
  env: Env;
  reader: ConfigReader;
  outbox: OutboxRelay;
}

const issues = (error: z.ZodError) =>
  error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }));

export function isConfigSection(s: string): s is ConfigSection {
  return Object.hasOwn(CONFIG_SECTIONS, s);
}

/** The strict body schema of one section: any subset (≥ 1) of the keys it owns, each validated whole. */
export function sectionSchema(section: ConfigSection) {
  const shape = Object.fromEntries(CONFIG_SECTIONS[section].map((k) => [k, CONFIG_KEYS[k].schema.optional()]));
  return z
    .object(shape)
    .strict()
    .refine((v) => Object.values(v).some((x) => x !== undefined), 'name at least one setting of this section');
}

export class ConfigService {
  constructor(private readonly d: ConfigDeps) {}

  /** The apps' view with a strong ETag over its exact bytes. */
  async publicView() {
    const body = publicConfig(await this.d.reader.get(), this.d.env);
    const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
    return { body, etag };
  }

  async internalView() {
    const { rows } = await this.d.db.query<{ version: number }>('SELECT version FROM app_config_version');
    return {
      version: Number(rows[0]!.version),
      values: await loadConfig(this.d.db),
      env: envDerived(this.d.env),
      bounds: envBounds(this.d.env),
      sections: CONFIG_SECTIONS,
    };
  }

  /**
   * Validates a section change against its schema, the env-derived bounds and cross-key rules, then
   * stores it, audits it (who, before, after), bumps the version and mirrors config/public — one
   * transaction, serialised on the version row, so nothing half-written stays and audits never interleave.
   */
  async patchSection(section: string, body: unknown, actorId: string) {
    if (!isConfigSection(section)) throw new AppError('NOT_FOUND', `Unknown settings section ${section}`);
    const parsed = sectionSchema(section).safeParse(body);
    if (!parsed.success)
      throw new AppError('BAD_REQUEST', 'The settings are invalid', { issues: issues(parsed.error) });
    const changes = Object.entries(parsed.data).filter(([, v]) => v !== undefined) as Array<[ConfigKey, unknown]>;
    const now = this.d.clock.now();

    const result = await tx(this.d.db, async (c) => {
      const { rows } = await c.query<{ version: number }>('SELECT version FROM app_config_version FOR NO KEY UPDATE');
      const current = await loadConfig(c);
      const next = { ...current, ...Object.fromEntries(changes) } as AppConfig;
      const violations = boundViolations(next, this.d.env);
      if (violations.length)
        throw new AppError('CONFIG_OUT_OF_BOUNDS', violations.map((v) => `${v.key} ${v.message}`).join('; '), {
          violations,
          env: envDerived(this.d.env),
        });

      const before = Object.fromEntries(changes.map(([k]) => [k, current[k]]));
      const after = Object.fromEntries(changes);
      if (JSON.stringify(before) === JSON.stringify(after))
        return { changed: false, version: Number(rows[0]!.version), values: current };
      for (const [key, value] of changes) {
        await c.query(
          `INSERT INTO app_config (key, value, updated_at, updated_by) VALUES ($1, $2, $3, $4)
           ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
          [key, JSON.stringify(value), now, actorId],
        );
      }
      await c.query(
        'INSERT INTO app_config_audit (section, changed_by, before, after, created_at) VALUES ($1, $2, $3, $4, $5)',
        [section, actorId, JSON.stringify(before), JSON.stringify(after), now],
      );
      const bumped = await c.query<{ version: number }>(
        'UPDATE app_config_version SET version = version + 1 RETURNING version',
      );
      const version = Number(bumped.rows[0]!.version);
      await enqueue(
        c,
        outbox.setDoc(
          PUBLIC_CONFIG_DOC,
          { ...publicConfig(next, this.d.env), version, updated_at: now.toISOString() },
          false,
        ),
      );
      return { changed: true, version, values: next };
    });
    if (result.changed) {
      this.d.reader.invalidate();
      this.d.outbox.kick();
    }
    return result;
  }

  /** Newest first; `before` is the id cursor from the previous page. */
  async audit(limit: number, before?: number) {
    const { rows } = await this.d.db.query<{
      id: number;
      section: string;
      changed_by: string | null;
      email: string | null;
      before: unknown;
      after: unknown;
      created_at: Date;
    }>(
      `SELECT a.id, a.section, a.changed_by, u.email, a.before, a.after, a.created_at
       FROM app_config_audit a LEFT JOIN control_center_users u ON u.id = a.changed_by
       WHERE ($1::bigint IS NULL OR a.id < $1) ORDER BY a.id DESC LIMIT $2`,
      [before ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    return {
      entries: page.map((r) => ({
        id: r.id,
        section: r.section,
        changed_by: r.changed_by,
        changed_by_email: r.email,
        before: r.before,
        after: r.after,
        created_at: r.created_at.toISOString(),
      })),
      next_cursor: rows.length > limit ? String(page[page.length - 1]!.id) : null,
    };
  }

  /** Writes the mirror from Postgres (start-up / seed): Firestore can always be rebuilt from the truth. */
  async mirrorPublic(): Promise<void> {
    const { rows } = await this.d.db.query<{ version: number }>('SELECT version FROM app_config_version');
    const cfg = await loadConfig(this.d.db);
    await enqueue(
      this.d.db,
      outbox.setDoc(
        PUBLIC_CONFIG_DOC,
        {
          ...publicConfig(cfg, this.d.env),
          version: Number(rows[0]!.version),
          updated_at: this.d.clock.now().toISOString(),
        },
        false,
      ),
    );
  }
}
