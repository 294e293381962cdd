import { apiClient, ok } from './client';
import { phoneFor, type ScenarioState } from './state';
import { step } from './step';

/**
 * The last step (SPEC §14): the customer deletes the account from the app; its token is refused at once,
 * and the control center's lookup by the customer's phone finds nobody.
 */
export async function deleteAccount(s: ScenarioState) {
  const o = s.o;
  const erased = await step(
    s,
    'account_deleted',
    async () => {
      const r = await ok(
        'delete the account',
        s.customer.api.DELETE('/api/client/account', { body: { confirm: true } }),
      );
      const me = await s.customer.api.GET('/api/client/auth/me');
      if (me.response.status !== 401) throw new Error(`the deleted account still answers ${me.response.status}`);
      return r;
    },
    (r) => [`"Akun kamu sudah dihapus" (${r.erased_at}); signed out`, '-'],
  );
  await step(
    s,
    'cc_lookup',
    async () => {
      const login = await ok(
        'control-center login',
        s.public.POST('/internal/auth/login', {
          body: {
            email: process.env.ADMIN_EMAIL ?? 'admin@halobestie.local',
            password: process.env.ADMIN_PASSWORD ?? 'admin123',
          },
        }),
      );
      const cc = apiClient(o.base, o.tally, { access: login.access_token });
      const phone = phoneFor(o.runTag, o.index, 'c');
      const found = await ok(
        'search customers by phone',
        cc.POST('/internal/customers/search', { body: { q: phone } }),
      );
      if (found.items.length !== 0) throw new Error(`the lookup by ${phone} still finds ${found.items.length}`);
      return { phone, erased: erased.erased_at };
    },
    (r) => ['-', `control center: search ${r.phone} → no customer`],
  );
}
