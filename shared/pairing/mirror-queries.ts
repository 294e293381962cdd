import type { Queryable } from '../db/pool';
import type { RequestStatus } from './repo';
import type { OfferSource } from './views';

/** Every offer still open (its request searching and unexpired): the offer docs a rebuild rewrites. */
export async function openOffers(q: Queryable, now: Date): Promise<Array<OfferSource & { mitra_id: string }>> {
  const { rows } = await q.query<OfferSource & { mitra_id: string }>(
    `SELECT n.mitra_id, r.id AS request_id, n.status, r.topic_sensitivity, r.is_free_trial, r.duration_minutes,
            r.price_idr, c.display_name AS customer_display_name, n.offered_at, r.expires_at
     FROM chat_request_notifications n JOIN chat_requests r ON r.id = n.request_id JOIN customers c ON c.id = r.customer_id
     WHERE r.status = 'searching' AND r.expires_at > $1 AND n.status IN ('offered', 'ignored')`,
    [now],
  );
  return rows;
}

export interface LatestRequest {
  id: string;
  customer_id: string;
  status: RequestStatus;
  expires_at: Date;
  session_id: string | null;
  notified: number;
  mitra_name: string | null;
}

/** Each customer's latest request since `since`: what `customers/{id}/pairing/current` shows. */
export async function latestRequests(q: Queryable, since: Date): Promise<LatestRequest[]> {
  const { rows } = await q.query<LatestRequest>(
    `SELECT DISTINCT ON (r.customer_id) r.id, r.customer_id, r.status, r.expires_at, r.session_id,
            (SELECT count(*) FROM chat_request_notifications n WHERE n.request_id = r.id AND n.offered_at = r.created_at)::int AS notified,
            m.display_name AS mitra_name
     FROM chat_requests r LEFT JOIN mitras m ON m.id = r.accepted_by
     WHERE r.created_at >= $1 ORDER BY r.customer_id, r.created_at DESC`,
    [since],
  );
  return rows;
}
