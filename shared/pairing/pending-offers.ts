import type { PairingDeps } from './deps';
import { pendingOffersOf } from './repo/chat-request-notifications';
import { offerView } from './views';

/** The app-resume path: the same offers the Firestore docs show, read from the truth. */
export async function pendingOffers(deps: PairingDeps, mitraId: string) {
  const cfg = await deps.config.get();
  const rows = await pendingOffersOf(deps.db, mitraId, deps.clock.now());
  return { requests: rows.map((r) => offerView(r, cfg.request_notification_timeout_seconds)) };
}
