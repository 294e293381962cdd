import { z } from 'zod';
import { AppError } from '../errors';
import { mitraActivityLog, mitraActivityPage, type NotificationStatus } from '../pairing';
import { decodeCursor, pageFrom, TimeIdCursor } from '../pagination';
import { findMitra } from '../users';
import type { ControlCenterDeps } from './deps';
import { activityLogView, activityRowView } from './views';

const DAY_MS = 86_400_000;
export const MAX_RANGE_DAYS = 366;
/**
 * The page after a mitra, by id alone: a cursor travels in the URL, and a name there is personal data
 * (SPEC §14). The keyset's name is read back from the row (renamed meanwhile: the walk goes on from the
 * new name).
 */
const AfterMitraCursor = z.tuple([z.string().uuid()]);

/** [from, to): defaults to the 30 days up to now; from must precede to, and a range spans at most a year. */
export function activityRange(now: Date, from?: string, to?: string): { from: Date; to: Date } {
  const end = to ? new Date(to) : now;
  const start = from ? new Date(from) : new Date(end.getTime() - 30 * DAY_MS);
  if (start >= end) throw AppError.invalid('from', 'from must be before to');
  if (end.getTime() - start.getTime() > MAX_RANGE_DAYS * DAY_MS)
    throw AppError.invalid('to', `the range spans at most ${MAX_RANGE_DAYS} days`);
  return { from: start, to: end };
}

/** Per mitra (by name), what the notification log says about offers made in [from, to). */
export async function mitraActivity(
  deps: Pick<ControlCenterDeps, 'db' | 'clock'>,
  input: { from?: string; to?: string; limit: number; cursor?: string },
  fullPii: boolean,
) {
  const range = activityRange(deps.clock.now(), input.from, input.to);
  const afterId = decodeCursor(input.cursor, AfterMitraCursor)?.[0];
  const afterMitra = afterId ? await findMitra(deps.db, afterId) : undefined;
  if (afterId && !afterMitra) throw AppError.invalid('cursor', 'not a cursor of this list');
  const after: [string, string] | undefined = afterMitra ? [afterMitra.display_name, afterMitra.id] : undefined;
  const rows = await mitraActivityPage(deps.db, range, { limit: input.limit + 1, after });
  const page = pageFrom(
    rows,
    input.limit,
    (r) => activityRowView(r, fullPii),
    (r) => [r.mitra_id],
  );
  return { from: range.from.toISOString(), to: range.to.toISOString(), ...page };
}

/** One mitra's notification rows in [from, to), newest first. */
export async function mitraActivityLogFor(
  deps: Pick<ControlCenterDeps, 'db' | 'clock'>,
  mitraId: string,
  input: { from?: string; to?: string; status?: NotificationStatus; limit: number; cursor?: string },
) {
  const range = activityRange(deps.clock.now(), input.from, input.to);
  const before = decodeCursor(input.cursor, TimeIdCursor);
  if (!(await findMitra(deps.db, mitraId))) throw new AppError('NOT_FOUND', 'Mitra tidak ditemukan');
  const rows = await mitraActivityLog(
    deps.db,
    mitraId,
    { ...range, status: input.status },
    { limit: input.limit + 1, before },
  );
  const page = pageFrom(rows, input.limit, activityLogView, (r) => [r.offered_at.toISOString(), r.request_id]);
  return { mitra_id: mitraId, from: range.from.toISOString(), to: range.to.toISOString(), ...page };
}
