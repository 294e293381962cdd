import { describe, expect, it } from 'vitest';
import { json } from '../../helpers/http';
import { ccUser } from '../../helpers/control-center';
import { useTestStack } from '../../helpers/runtime';
import { activeFreeTrialSession, row, send } from '../../helpers/sessions';

const stack = useTestStack();

describe('an operator’s ban or deactivation ends the live chat (SPEC §9)', () => {
  it('a ban moves the customer’s active session to closing (customer_banned); the chat is locked', async () => {
    const s = stack();
    const op = await ccUser(s, 'super_admin');
    const session = await activeFreeTrialSession(s);
    const res = await s.request(`/internal/customers/${session.customer.id}/ban`, {
      method: 'POST',
      json: { reason: 'Pelecehan' },
      headers: op.headers,
    });
    expect(res.status).toBe(200);
    expect(await row(s, session.sessionId)).toMatchObject({ status: 'closing', closing_reason: 'customer_banned' });
    const late = await send(s, session.mitra, session.sessionId, 'halo?');
    expect(late.status).toBe(409);
    expect((await json(late)).error.code).toBe('SESSION_NOT_ACTIVE');
    const audit = await s.rt.db.query("SELECT details FROM cc_audit_log WHERE kind = 'customer_banned'");
    expect(audit.rows[0].details.chat_sessions_ended).toEqual([session.sessionId]);
  });

  it('deactivating a mitra moves their active session to closing (mitra_deactivated)', async () => {
    const s = stack();
    const op = await ccUser(s, 'super_admin');
    const session = await activeFreeTrialSession(s);
    const res = await s.request(`/internal/mitras/${session.mitra.id}`, {
      method: 'PATCH',
      json: { is_active: false },
      headers: op.headers,
    });
    expect(res.status).toBe(200);
    expect(await row(s, session.sessionId)).toMatchObject({ status: 'closing', closing_reason: 'mitra_deactivated' });
  });
});
