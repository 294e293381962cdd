import type { Queryable } from '../db/pool';

export interface MitraRow {
  id: string;
  phone: string;
  display_name: string;
  is_active: boolean;
  is_online: boolean;
  last_heartbeat_at: Date | null;
  created_at: Date;
}

const COLUMNS = 'id, phone, display_name, is_active, is_online, last_heartbeat_at, created_at';

export async function findMitra(q: Queryable, id: string): Promise<MitraRow | undefined> {
  const { rows } = await q.query<MitraRow>(`SELECT ${COLUMNS} FROM mitras WHERE id = $1`, [id]);
  return rows[0];
}

/** Finds the mitra with this phone, creating an inactive one (operators activate) when none exists. */
export async function findOrCreateMitraByPhone(
  q: Queryable,
  phone: string,
  now: Date,
  fields: { display_name?: string; is_active?: boolean } = {},
): Promise<{ mitra: MitraRow; created: boolean }> {
  const inserted = await q.query<MitraRow>(
    `INSERT INTO mitras (phone, display_name, is_active, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
     ON CONFLICT (phone) DO NOTHING RETURNING ${COLUMNS}`,
    [phone, fields.display_name ?? `Bestie ${phone.slice(-4)}`, fields.is_active ?? false, now],
  );
  if (inserted.rows[0]) return { mitra: inserted.rows[0], created: true };
  const { rows } = await q.query<MitraRow>(`SELECT ${COLUMNS} FROM mitras WHERE phone = $1`, [phone]);
  return { mitra: rows[0]!, created: false };
}

export function mitraProfile(m: MitraRow) {
  return {
    id: m.id,
    display_name: m.display_name,
    phone: m.phone,
    is_active: m.is_active,
    is_online: m.is_online,
    created_at: m.created_at.toISOString(),
  };
}
