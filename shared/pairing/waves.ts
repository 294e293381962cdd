import type { AppConfig } from '../config';
import { commitWithEffects, effect, type OutboxEntry } from '../outbox';
import { availabilityAt } from './availability';
import type { PairingDeps } from './deps';
import { offerBatchEffects } from './effects';
import { PAIRING_PATHS } from './paths';
import { queueStatus } from './queue-status';
import { findRequest, setWave, type ChatRequestRow } from './repo/chat-requests';
import { offerWave } from './repo/chat-request-notifications.offers';

/** The wave a task sends: the request and the wave's number (the request's `wave` once it went out). */
export interface WaveTarget {
  request_id: string;
  wave: number;
}

/** How many mitras one wave offers; null is every available mitra at once (`blast.max_mitras = 0`). */
export const waveLimit = (cfg: Pick<AppConfig, 'blast'>) => cfg.blast.max_mitras || null;

/**
 * The task that sends a request's next wave, `blast.wave_seconds` after this one — one Cloud Task per
 * request per wave, never one per mitra — unless waves are off (everyone was offered at once) or the
 * request will have expired by then.
 */
export function nextWave(
  r: Pick<ChatRequestRow, 'id' | 'wave' | 'expires_at'>,
  now: Date,
  cfg: Pick<AppConfig, 'blast'>,
): OutboxEntry[] {
  const at = new Date(now.getTime() + cfg.blast.wave_seconds * 1000);
  if (waveLimit(cfg) === null || at >= r.expires_at) return [];
  const wave = r.wave + 1;
  const body = { request_id: r.id, wave };
  return [{ item: effect.task(`pairing-wave:${r.id}:${wave}`, PAIRING_PATHS.wave, body, at) }];
}

/**
 * Nobody accepted within `wave_seconds`: the next mitras in the fair order are offered (one statement);
 * earlier offers stay open. Only the wave after the request's last one goes out, and only while it
 * searches, so a duplicated, late or stale task does nothing. Answers how many mitras it reached.
 */
export async function sendWave(deps: PairingDeps, target: WaveTarget): Promise<number> {
  const cfg = await deps.config.get();
  const now = deps.clock.now();
  const reached = await commitWithEffects(deps, async (c) => {
    const r = await findRequest(c, target.request_id, true);
    if (!r || r.status !== 'searching' || r.expires_at <= now || r.wave !== target.wave - 1) return 0;
    const offered = await offerWave(c, availabilityAt(cfg, now), r, waveLimit(cfg));
    await setWave(c, r.id, target.wave, now);
    await c.enqueue([
      ...offerBatchEffects(deps, r.id, offered, now, cfg.request_notification_timeout_seconds),
      ...nextWave({ ...r, wave: target.wave }, now, cfg),
      queueStatus(r.customer_id, r.id, now),
    ]);
    return offered.length;
  });
  return reached;
}
