import { z } from 'zod';
import { AppError } from '../errors';
import { mitraActivityLog, mitraActivityPage, type NotificationStatus } from '../pairing';
import { decodeCursor, pageFrom, TimeIdCursor } from '../pagination';
import { findMitra } from '../users';
import type { ControlCenterDeps } from './deps';
import { activityLogView, activityRowView } from './views';

const DAY_MS = 86_400_000;
export const MAX_RANGE_DAYS = 366;
const NameIdCursor = z.tuple([z.string().max(400), z.string().uuid()]);

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
) {
  const range = activityRange(deps.clock.now(), input.from, input.to);
  const after = decodeCursor(input.cursor, NameIdCursor);
  const rows = await mitraActivityPage(deps.db, range, { limit: input.limit + 1, after });
  const page = pageFrom(rows, input.limit, activityRowView, (r) => [r.display_name, r.mitra_id]);
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
