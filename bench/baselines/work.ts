import { readFileSync } from 'node:fs';
import { createPrivateKey, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { jwtVerify } from 'jose';
import pg from 'pg';

// The statements our routes run, verbatim (shared/users/repo/mitras.ts), so the baselines carry no code of ours.
const CAPACITY_COUNT = `(SELECT count(*)::int FROM chat_sessions s WHERE s.mitra_id = m.id AND s.status IN ('pending_payment', 'active'))`;
const HEARTBEAT = 'UPDATE mitras SET last_heartbeat_at = $2 WHERE id = $1 AND is_active';
const AVAILABLE = `SELECT m.id, ${CAPACITY_COUNT} AS active_session_count FROM mitras m
     WHERE m.is_online AND m.is_active AND m.last_heartbeat_at > $1::timestamptz - make_interval(secs => $2)
       AND ($4::uuid[] IS NULL OR m.id = ANY($4::uuid[]))
       AND ${CAPACITY_COUNT} < $3
     ORDER BY m.id`;

/** ES256 with node:crypto alone, on libuv's pool (BARE_VERIFIER=node): how our stack checks its own tokens. */
async function nodeVerify(token: string, publicKey: KeyObject, issuer: string): Promise<Record<string, unknown>> {
  const [h, p, s] = token.split('.');
  const header = JSON.parse(Buffer.from(h!, 'base64url').toString()) as { alg?: string };
  if (header.alg !== 'ES256') throw new Error('alg');
  const sig = Buffer.from(s!, 'base64url');
  const data = Buffer.from(`${h}.${p}`);
  const ok = await new Promise<boolean>((resolve) =>
    verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, sig, (err, valid) => resolve(!err && valid)),
  );
  if (!ok) throw new Error('signature');
  const payload = JSON.parse(Buffer.from(p!, 'base64url').toString()) as { iss?: string; exp?: number };
  if (payload.iss !== issuer || typeof payload.exp !== 'number' || payload.exp <= Date.now() / 1000)
    throw new Error('claims');
  return payload;
}

/**
 * What a bare server does for our two hot routes, with nothing else: verify the ES256 bearer token with
 * jose (algorithm, issuer, expiry pinned as ours does) or, with BARE_VERIFIER=node, with node:crypto as
 * ours does, check the user type, run the very same SQL.
 * No logging, no request id, no OpenAPI validation, no revocation cache, no config reader.
 */
export function bareWork(env: NodeJS.ProcessEnv) {
  const publicKey = createPublicKey(createPrivateKey(readFileSync(env.SIGNING_KEY_FILE!, 'utf8')));
  const issuer = env.AUTH_ISSUER ?? 'https://api.halobestie.id';
  const db = new pg.Pool({ connectionString: env.DATABASE_URL, max: Number(env.DATABASE_POOL_MAX ?? 10) });
  let cache: { at: number; count: number } | undefined;
  let cfg: { stale: number; maxSessions: number } | undefined;
  const verifyToken =
    env.BARE_VERIFIER === 'node'
      ? (token: string) => nodeVerify(token, publicKey, issuer)
      : async (token: string) => (await jwtVerify(token, publicKey, { issuer, algorithms: ['ES256'] })).payload;

  /** The user id, or undefined for a missing/bad token or another user type (→ 401). */
  async function userOf(authorization: string | undefined, userType: string): Promise<string | undefined> {
    const m = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
    if (!m) return undefined;
    try {
      const payload = await verifyToken(m[1]!);
      return payload.user_type === userType && typeof payload.sub === 'string' ? payload.sub : undefined;
    } catch {
      return undefined;
    }
  }

  return {
    /** 204, 401 or 403: `UPDATE mitras SET last_heartbeat_at = $2 WHERE id = $1 AND is_active`. */
    async heartbeat(authorization: string | undefined): Promise<number> {
      const id = await userOf(authorization, 'mitra');
      if (!id) return 401;
      return ((await db.query(HEARTBEAT, [id, new Date()])).rowCount ?? 0) > 0 ? 204 : 403;
    },
    /** The available-mitra count, cached 5 s per process like ours; undefined → 401. */
    async availability(authorization: string | undefined): Promise<{ available_mitras: number } | undefined> {
      if (!(await userOf(authorization, 'customer'))) return undefined;
      if (!cache || Date.now() - cache.at >= 5000) {
        if (!cfg) {
          const { rows } = await db.query<{ key: string; value: unknown }>(
            `SELECT key, value FROM app_config WHERE key IN ('mitra_stale_after_seconds', 'max_customers_per_mitra')`,
          );
          const v = Object.fromEntries(rows.map((r) => [r.key, Number(r.value)]));
          cfg = { stale: v.mitra_stale_after_seconds ?? 90, maxSessions: v.max_customers_per_mitra ?? 1 };
        }
        const count = (await db.query(AVAILABLE, [new Date(), cfg.stale, cfg.maxSessions, null])).rows.length;
        cache = { at: Date.now(), count };
      }
      return { available_mitras: cache.count };
    },
  };
}
