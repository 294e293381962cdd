import type { AppConfig } from '../config';
import type { Queryable } from '../db/pool';
import { effect, type OutboxEntry } from '../outbox';
import { currentSafetyNotices } from '../sessions';
import { safetyDocPath } from './paths';
import { crisisResourcesDoc } from './views';

/** The crisis-resources doc of every customer still in a session that showed a crisis sign, as first written. */
export async function safetyMirrorEntries(
  q: Queryable,
  cfg: Pick<AppConfig, 'crisis_resources'>,
): Promise<OutboxEntry[]> {
  return (await currentSafetyNotices(q)).map((n) => ({
    item: effect.setDoc(
      safetyDocPath(n.customer_id),
      crisisResourcesDoc(n.session_id, cfg.crisis_resources, n.at),
      false,
    ),
  }));
}
