import { apiClient, ok, type ApiClient, type TokenHolder } from './client';
import { phoneFor, type App, type ScenarioState } from './state';
import { step } from './step';

async function otp(s: ScenarioState, kind: 'client' | 'mitra', api: ApiClient, phone: string) {
  const path = kind === 'client' ? '/api/client/auth/otp/request' : '/api/mitra/auth/otp/request';
  const req = await ok(`${kind} OTP request`, api.POST(path, { body: { phone } }));
  const { code } = await ok(
    'peek OTP',
    s.public.GET('/internal/_test/otp/{otp_request_id}', {
      params: { path: { otp_request_id: req.otp_request_id } },
    }),
  );
  return { otp_request_id: req.otp_request_id, code };
}

/** New token pair for an app whose access token the moved clock has expired. */
export async function refresh(s: ScenarioState, app: App) {
  const pair = await ok(
    'refresh tokens',
    s.public.POST('/api/shared/auth/refresh', { body: { refresh_token: app.tokens.refresh! } }),
  );
  app.tokens.access = pair.access_token;
  app.tokens.refresh = pair.refresh_token;
}

/** Guest sign-in, then the OTP upgrade of that same account: sets `s.customer`. */
export async function signInCustomer(s: ScenarioState) {
  const o = s.o;
  const name = `Rani ${o.index}`;
  const guestTokens: TokenHolder = {};
  const guestApi = apiClient(o.base, o.tally, guestTokens);
  const guest = await step(
    s,
    'guest',
    () => ok('anonymous sign-in', s.public.POST('/api/shared/auth/anonymous', { body: { display_name: name } })),
    (g) => [`guest "${g.profile.display_name}" (no phone)`, '-'],
  );
  guestTokens.access = guest.access_token;
  guestTokens.refresh = guest.refresh_token;

  const upgraded = await step(
    s,
    'otp_upgrade',
    async () => {
      const { otp_request_id, code } = await otp(s, 'client', guestApi, phoneFor(o.runTag, o.index, 'c'));
      const auth = await ok(
        'customer OTP verify (upgrade)',
        guestApi.POST('/api/client/auth/otp/verify', {
          body: { otp_request_id, code, anonymous_customer_id: guest.profile.id },
        }),
      );
      if (auth.profile.id !== guest.profile.id || auth.profile.is_guest)
        throw new Error(`upgrade made a different or still-guest customer: ${JSON.stringify(auth.profile)}`);
      return auth;
    },
    (a) => [`signed in as ${a.profile.phone}, same account (${a.profile.id.slice(0, 8)})`, '-'],
  );
  const customerTokens: TokenHolder = { access: upgraded.access_token, refresh: upgraded.refresh_token };
  s.customer = {
    api: apiClient(o.base, o.tally, customerTokens),
    tokens: customerTokens,
    id: upgraded.profile.id,
    name,
  };
}

/** Seeds a mitra, signs it in by OTP and puts it online: sets `s.mitra`. */
export async function signInMitra(s: ScenarioState) {
  const o = s.o;
  const mitraName = `Bestie ${o.index}`;
  await step(
    s,
    'mitra_online',
    async () => {
      const phone = phoneFor(o.runTag, o.index, 'm');
      await ok(
        'seed mitra',
        s.public.POST('/internal/_test/seed-mitra', { body: { phone, display_name: mitraName, is_active: true } }),
      );
      const mitraApi = apiClient(o.base, o.tally);
      const { otp_request_id, code } = await otp(s, 'mitra', mitraApi, phone);
      const auth = await ok(
        'mitra OTP verify',
        mitraApi.POST('/api/mitra/auth/otp/verify', { body: { otp_request_id, code } }),
      );
      const tokens: TokenHolder = { access: auth.access_token, refresh: auth.refresh_token };
      s.mitra = { api: apiClient(o.base, o.tally, tokens), tokens, id: auth.profile.id, name: mitraName };
      await ok('mitra online', s.mitra.api.POST('/api/mitra/status/online'));
    },
    () => ['-', `${mitraName} signed in, online, waiting for requests`],
  );
}
