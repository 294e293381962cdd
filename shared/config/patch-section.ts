import { AppError } from '../errors';
import { commitWithEffects, effect } from '../outbox';
import type { ConfigDeps } from './deps';
import { loadConfig } from './reader';
import { storeConfigValues } from './repo/app-config';
import { insertConfigAudit } from './repo/app-config-audit';
import { bumpConfigVersion, configVersion } from './repo/app-config-version';
import type { AppConfig, ConfigKey } from './schema';
import { boundViolations, envDerived, isConfigSection, sectionSchema } from './sections';
import { PUBLIC_CONFIG_DOC, publicConfigDoc } from './views';

const issuesOf = (error: { issues: Array<{ path: PropertyKey[]; message: string; code: string }> }) =>
  error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message, code: i.code }));

/** A section body that failed: 404 for an unknown section, else 400 with that section's own issues. */
export function sectionBodyError(section: string, body: unknown): AppError {
  if (!isConfigSection(section)) return new AppError('NOT_FOUND', `Bagian pengaturan ${section} tidak dikenal`);
  const parsed = sectionSchema(section).safeParse(body);
  return new AppError('BAD_REQUEST', 'Pengaturan tidak valid', {
    issues: parsed.success ? [] : issuesOf(parsed.error),
  });
}

/**
 * Validates a section change against its schema, the env-derived bounds and cross-key rules, then stores
 * it, audits it (who, before, after), bumps the version and mirrors config/public — one transaction,
 * serialised on the version row, so nothing half-written stays and audits never interleave.
 */
export async function patchConfigSection(deps: ConfigDeps, section: string, body: unknown, actorId: string) {
  if (!isConfigSection(section)) throw sectionBodyError(section, body);
  const parsed = sectionSchema(section).safeParse(body);
  if (!parsed.success) throw sectionBodyError(section, body);
  const changes = Object.entries(parsed.data).filter(([, v]) => v !== undefined) as Array<[ConfigKey, unknown]>;
  const now = deps.clock.now();

  const result = await commitWithEffects(deps, async (c) => {
    const version = await configVersion(c, true);
    const current = await loadConfig(c);
    const next = { ...current, ...Object.fromEntries(changes) } as AppConfig;
    const violations = boundViolations(next, deps.env);
    if (violations.length)
      throw new AppError('CONFIG_OUT_OF_BOUNDS', undefined, {
        violations,
        env: envDerived(deps.env),
      });

    const before = Object.fromEntries(changes.map(([k]) => [k, current[k]]));
    const after = Object.fromEntries(changes);
    if (JSON.stringify(before) === JSON.stringify(after)) return { changed: false, version, values: current };
    await storeConfigValues(c, changes, now, actorId);
    await insertConfigAudit(c, { section, actorId, before, after, at: now });
    const bumped = await bumpConfigVersion(c);
    await c.enqueue([{ item: effect.setDoc(PUBLIC_CONFIG_DOC, publicConfigDoc(next, deps.env, bumped, now), false) }]);
    if (next.max_customers_per_mitra > current.max_customers_per_mitra)
      await deps.onCapacityRaised?.(c, now, next.max_customers_per_mitra);
    return { changed: true, version: bumped, values: next };
  });
  if (result.changed) {
    deps.reader.invalidate();
  }
  return result;
}
