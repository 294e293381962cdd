import { randomBytes } from 'node:crypto';
import type { Firestore } from '@google-cloud/firestore';
import { apiClient, ok, rawJson, type ApiClient, type HttpTally, type TokenHolder } from './client';
import { DocWatch, MessageWatch, type Arrival, type Doc } from './realtime';

/** What many scenarios add up to: per-step timings, message accounting, payments vs activations. */
export class Metrics {
  readonly steps = new Map<string, number[]>();
  readonly latencies: number[] = [];
  sent = 0;
  received = 0;
  duplicates = 0;
  outOfOrder = 0;
  payments = 0;
  activations = 0;
  completed = 0;
  /** Message sends retried (same client_message_id) after a dropped connection. */
  retries = 0;
  failures: string[] = [];
  add(step: string, ms: number) {
    let list = this.steps.get(step);
    if (!list) this.steps.set(step, (list = []));
    list.push(ms);
  }
}

export interface ScenarioOptions {
  base: string;
  fs: Firestore;
  tally: HttpTally;
  metrics: Metrics;
  /** Distinguishes this scenario's names and phones within a run. */
  index: number;
  runTag: string;
  /** One line per step (the demo); absent under load. */
  narrate?: (line: string) => void;
  /** Offer the request to this scenario's own mitra only (load: no N×N blast); else the normal blast. */
  targeted: boolean;
  /** Each app holds its own `sessions/{id}` listener (demo); under load both sides share one. */
  listenerPerSide: boolean;
  messagesPerSide: number;
  waitMs: number;
}

const TIER = 'tier_30';

function phoneFor(runTag: string, index: number, kind: 'c' | 'm') {
  // 08 + 10 digits: a valid Indonesian mobile number, unique per run, scenario and side.
  const tag = Number.parseInt(runTag, 16) % 10_000;
  return `08${kind === 'c' ? '12' : '13'}${String(tag).padStart(4, '0')}${String(index).padStart(4, '0')}`;
}

const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One app signed in: its typed client and tokens. */
interface App {
  api: ApiClient;
  tokens: TokenHolder;
  id: string;
  name: string;
}

/**
 * One whole session as the two apps live it, over the public HTTP API and Firestore listeners only.
 * Split where the stack's clock must move: `start` (to a paid, active chat), `extend` (after the
 * first time-up), `finish` (in closing). The caller moves the clock between them, so under load all
 * scenarios can share one clock advance per wave.
 */
export class Scenario {
  customer!: App;
  mitra!: App;
  sessionId = '';
  private customerDoc!: DocWatch;
  private mitraDoc!: DocWatch;
  private mitraPrivate!: DocWatch;
  private customerMsgs!: MessageWatch;
  private mitraMsgs!: MessageWatch;
  private readonly sentAt = new Map<string, { at: number; side: 'customer' | 'mitra' }>();
  private readonly t0 = Date.now();
  private msgCounter = 0;
  private readonly public: ApiClient;

  constructor(private readonly o: ScenarioOptions) {
    this.public = apiClient(o.base, o.tally);
  }

  private line(name: string, ms: number, customer: string, mitra: string) {
    if (!this.o.narrate) return;
    const at = ((Date.now() - this.t0) / 1000).toFixed(2).padStart(6);
    this.o.narrate(
      `[+${at}s] ${name.padEnd(18)} ${String(Math.round(ms)).padStart(5)} ms | customer app: ${customer} | mitra app: ${mitra}`,
    );
  }

  private async step<T>(name: string, fn: () => Promise<T>, shows?: (r: T) => [string, string]): Promise<T> {
    const t = performance.now();
    let r: T;
    try {
      r = await fn();
    } catch (err) {
      throw new Error(`step "${name}" failed: ${(err as Error).message}`, { cause: err });
    }
    const ms = performance.now() - t;
    this.o.metrics.add(name, ms);
    if (shows) this.line(name, ms, ...shows(r));
    return r;
  }

  private async otp(kind: 'client' | 'mitra', api: ApiClient, phone: string) {
    const path = kind === 'client' ? '/api/client/auth/otp/request' : '/api/mitra/auth/otp/request';
    const req = await ok(`${kind} OTP request`, api.POST(path, { body: { phone } }));
    const { code } = await ok(
      'peek OTP',
      this.public.GET('/internal/_test/otp/{otp_request_id}', {
        params: { path: { otp_request_id: req.otp_request_id } },
      }),
    );
    return { otp_request_id: req.otp_request_id, code };
  }

  private async refresh(app: App) {
    const pair = await ok(
      'refresh tokens',
      this.public.POST('/api/shared/auth/refresh', { body: { refresh_token: app.tokens.refresh! } }),
    );
    app.tokens.access = pair.access_token;
    app.tokens.refresh = pair.refresh_token;
  }

  private onArrival(listener: 'customer' | 'mitra') {
    return (a: Arrival) => {
      const sent = this.sentAt.get(a.client_message_id);
      if (!sent || sent.side === listener) return; // its own message echoing back: not a delivery
      const ms = a.at - sent.at;
      this.o.metrics.latencies.push(ms);
      this.o.metrics.received++;
      if (this.o.narrate) {
        const from = a.sender_type === 'customer' ? this.customer.name : this.mitra.name;
        this.o.narrate(`           ${listener} listener <- #${a.seq} from ${from}: "${a.body}" (${ms} ms after send)`);
      }
    };
  }

  private async pay(kind: 'session' | 'extension', extensionId?: string) {
    const doc = await this.customerDoc.until(
      `the ${kind} invoice link`,
      (d) =>
        !!d?.xendit_invoice_url &&
        d.payment_for === kind &&
        (kind === 'session' || d.payment_extension_id === extensionId),
      this.o.waitMs,
    );
    const url = new URL(doc.xendit_invoice_url as string);
    const invoiceId = url.pathname.split('/').at(-1)!;
    return { url: url.toString(), invoiceId, origin: url.origin };
  }

  private async payAt(inv: { origin: string; invoiceId: string }) {
    const paid = (await rawJson(
      this.o.tally,
      'pay at the fake Xendit',
      `${inv.origin}/_fake/invoices/${inv.invoiceId}/pay`,
      { method: 'POST' },
    )) as { callback_status: number | null };
    if (paid.callback_status !== 200) throw new Error(`Xendit callback answered ${paid.callback_status}`);
    this.o.metrics.payments++;
  }

  private async chat(round: string, perSide: number) {
    const c = this.customer.api;
    const m = this.mitra.api;
    const id = this.sessionId;
    const ids: string[] = [];
    const send = async (side: 'customer' | 'mitra', body: string) => {
      const cmid = `${round}-${side[0]}${++this.msgCounter}-${randomBytes(3).toString('hex')}`;
      ids.push(cmid);
      this.sentAt.set(cmid, { at: Date.now(), side });
      const path = side === 'customer' ? '/api/client/sessions/{id}/messages' : '/api/mitra/sessions/{id}/messages';
      // A dropped connection is retried with the same client_message_id, as the apps do: the server
      // answers with the same message, never a second one.
      let msg;
      for (let attempt = 1; ; attempt++) {
        try {
          msg = await ok(
            `${side} sends a message`,
            (side === 'customer' ? c : m).POST(path, {
              params: { path: { id } },
              body: { client_message_id: cmid, body },
            }),
          );
          break;
        } catch (err) {
          const cause = (err as { cause?: { code?: string; message?: string } }).cause;
          if (!(err instanceof TypeError) || attempt >= 3) {
            throw new Error(`${(err as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ''}`, {
              cause: err,
            });
          }
          this.o.metrics.retries++;
          await sleep(200 * attempt);
        }
      }
      this.o.metrics.sent++;
      return msg.seq;
    };
    const lines = {
      customer: ['Kak, aku lagi capek banget sama kerjaan', 'Rasanya nggak ada yang ngerti', 'Makasih udah dengerin'],
      mitra: ['Aku di sini buat dengerin kamu', 'Boleh cerita pelan-pelan ya', 'Kamu hebat udah bertahan'],
    };
    // Both apps type at once, each in its own order.
    const seqs = await Promise.all(
      (['customer', 'mitra'] as const).map(async (side) => {
        const out: number[] = [];
        for (let i = 0; i < perSide; i++) out.push(await send(side, lines[side][i % 3]!));
        return out;
      }),
    );
    await Promise.all([
      this.customerMsgs.untilAll('the customer listener', ids, this.o.waitMs),
      this.mitraMsgs.untilAll('the mitra listener', ids, this.o.waitMs),
    ]);
    return Math.max(...seqs.flat());
  }

  /** Guest → OTP upgrade → mitra online → request → accept → pay → active → chat → receipts. */
  async start() {
    const o = this.o;
    const name = `Rani ${o.index}`;
    const guestTokens: TokenHolder = {};
    const guestApi = apiClient(o.base, o.tally, guestTokens);
    const guest = await this.step(
      'guest',
      () => ok('anonymous sign-in', this.public.POST('/api/shared/auth/anonymous', { body: { display_name: name } })),
      (g) => [`guest "${g.profile.display_name}" (no phone)`, '-'],
    );
    guestTokens.access = guest.access_token;
    guestTokens.refresh = guest.refresh_token;

    const upgraded = await this.step(
      'otp_upgrade',
      async () => {
        const { otp_request_id, code } = await this.otp('client', guestApi, phoneFor(o.runTag, o.index, 'c'));
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
    this.customer = {
      api: apiClient(o.base, o.tally, customerTokens),
      tokens: customerTokens,
      id: upgraded.profile.id,
      name,
    };

    const mitraName = `Bestie ${o.index}`;
    await this.step(
      'mitra_online',
      async () => {
        const phone = phoneFor(o.runTag, o.index, 'm');
        await ok(
          'seed mitra',
          this.public.POST('/internal/_test/seed-mitra', { body: { phone, display_name: mitraName, is_active: true } }),
        );
        const mitraApi = apiClient(o.base, o.tally);
        const { otp_request_id, code } = await this.otp('mitra', mitraApi, phone);
        const auth = await ok(
          'mitra OTP verify',
          mitraApi.POST('/api/mitra/auth/otp/verify', { body: { otp_request_id, code } }),
        );
        const tokens: TokenHolder = { access: auth.access_token, refresh: auth.refresh_token };
        this.mitra = { api: apiClient(o.base, o.tally, tokens), tokens, id: auth.profile.id, name: mitraName };
        await ok('mitra online', this.mitra.api.POST('/api/mitra/status/online'));
      },
      () => ['-', `${mitraName} signed in, online, waiting for requests`],
    );

    const pairing = new DocWatch(o.fs, `customers/${this.customer.id}/pairing/current`);
    try {
      const req = await this.step(
        'chat_request',
        () =>
          ok(
            'chat request',
            this.customer.api.POST('/api/client/chat/request', {
              body: {
                topic_sensitivity: 'regular',
                tier_id: TIER,
                ...(o.targeted ? { target_mitra_id: this.mitra.id } : {}),
              },
            }),
          ),
        (r) => [`"Mencari Bestie..." (${r.notified_mitras} notified, 30 menit)`, '-'],
      );
      const offer = new DocWatch(o.fs, `mitras/${this.mitra.id}/offers/${req.request_id}`);
      try {
        await this.step(
          'offer_seen',
          () => offer.until('the offer', (d) => d?.status === 'offered', o.waitMs),
          (d) => ['"Mencari Bestie..."', `offer: new ${d.topic_sensitivity ?? 'regular'} request [Terima] [Tolak]`],
        );
      } finally {
        offer.close();
      }
      const won = await this.step(
        'accept',
        () =>
          ok(
            'mitra accepts',
            this.mitra.api.POST('/api/mitra/requests/{id}/accept', { params: { path: { id: req.request_id } } }),
          ),
        (w) => ['"Mencari Bestie..."', `accepted, session ${w.session_id.slice(0, 8)} (${w.session_status})`],
      );
      this.sessionId = won.session_id;
      await this.step(
        'paired_seen',
        () => pairing.until('paired', (d) => d?.status === 'paired' && d.session_id === won.session_id, o.waitMs),
        (d) => [`paired with ${d.mitra_name}`, 'waiting for the customer to pay'],
      );
    } finally {
      pairing.close();
    }

    const sid = this.sessionId;
    this.customerDoc = new DocWatch(o.fs, `sessions/${sid}`);
    this.mitraDoc = o.listenerPerSide ? new DocWatch(o.fs, `sessions/${sid}`) : this.customerDoc;
    this.mitraPrivate = new DocWatch(o.fs, `mitras/${this.mitra.id}/sessions/${sid}`);
    this.customerMsgs = new MessageWatch(o.fs, sid, this.onArrival('customer'));
    this.mitraMsgs = new MessageWatch(o.fs, sid, this.onArrival('mitra'));

    const inv = await this.step(
      'invoice_seen',
      () => this.pay('session'),
      (i) => [`"Bayar" -> ${i.url}`, 'waiting for payment'],
    );
    await this.step(
      'pay',
      () => this.payAt(inv),
      () => ['paid at Xendit (QRIS)', 'waiting for payment'],
    );
    const active = await this.step(
      'active_seen',
      async () => {
        const [c] = await Promise.all([
          this.customerDoc.until('active', (d) => d?.status === 'active', o.waitMs),
          this.mitraDoc.until('active', (d) => d?.status === 'active', o.waitMs),
        ]);
        o.metrics.activations++;
        return c;
      },
      (d) => [`chat open until ${d.ends_at}`, `chat open with ${this.customer.name}`],
    );
    void active;

    const last = await this.step(
      'chat',
      () => this.chat('a', o.messagesPerSide),
      (n) => [`${n} messages, in order`, `${n} messages, in order`],
    );
    await this.step(
      'receipts',
      async () => {
        await Promise.all([
          ok(
            'mitra read receipt',
            this.mitra.api.POST('/api/mitra/sessions/{id}/messages/receipts', {
              params: { path: { id: sid } },
              body: { up_to_seq: last, status: 'read' },
            }),
          ),
          ok(
            'customer read receipt',
            this.customer.api.POST('/api/client/sessions/{id}/messages/receipts', {
              params: { path: { id: sid } },
              body: { up_to_seq: last, status: 'read' },
            }),
          ),
        ]);
        await Promise.all([
          this.customerDoc.until('mitra read all', (d) => (d?.receipts?.mitra?.read_seq ?? 0) >= last, o.waitMs),
          this.mitraDoc.until('customer read all', (d) => (d?.receipts?.customer?.read_seq ?? 0) >= last, o.waitMs),
        ]);
      },
      () => [`ticks: read up to #${last}`, `ticks: read up to #${last}`],
    );
  }

  /** When this session's time is up (stack clock), from its doc. */
  endsAt(): number {
    return Date.parse(this.customerDoc.latest?.ends_at as string);
  }

  windowEndsAt(): number {
    return Date.parse(this.customerDoc.latest?.extension_window_ends_at as string);
  }

  async awaitExpired(step: string) {
    await this.step(
      step,
      () =>
        Promise.all([
          this.customerDoc.until('expired (time is up)', (d) => d?.status === 'expired', this.o.waitMs),
          this.mitraDoc.until('expired (time is up)', (d) => d?.status === 'expired', this.o.waitMs),
        ]),
      ([d]) => [`"Waktu habis" banner, input locked, extend until ${d.extension_window_ends_at}`, '"Waktu habis"'],
    );
  }

  /** After the first time-up: ask for more time, the mitra accepts, the customer pays, chat resumes. */
  async extend() {
    const o = this.o;
    const sid = this.sessionId;
    await Promise.all([this.refresh(this.customer), this.refresh(this.mitra)]); // the clock moved past the access tokens' life
    const before = this.endsAt();
    const ext = await this.step(
      'ext_request',
      () =>
        ok(
          'extension request',
          this.customer.api.POST('/api/client/sessions/{id}/extensions', {
            params: { path: { id: sid } },
            body: { tier_id: TIER },
          }),
        ),
      (e) => [`"Menunggu Bestie..." (+${e.duration_minutes} menit, ${rupiah(e.price_idr)})`, '-'],
    );
    await this.step(
      'ext_offer_seen',
      () =>
        this.mitraPrivate.until(
          'the extension offer',
          (d) => d?.extension?.id === ext.id && d.extension.status === 'requested',
          o.waitMs,
        ),
      (d) => ['"Menunggu Bestie..."', `"Tambah ${d.extension.duration_minutes} menit?" [Terima] [Tolak]`],
    );
    await this.step(
      'ext_accept',
      () =>
        ok(
          'mitra accepts the extension',
          this.mitra.api.POST('/api/mitra/sessions/{id}/extensions/{ext_id}/accept', {
            params: { path: { id: sid, ext_id: ext.id } },
          }),
        ),
      (e) => ['"Bestie setuju"', `accepted (${e.status}), waiting for payment`],
    );
    const inv = await this.step(
      'ext_invoice_seen',
      () => this.pay('extension', ext.id),
      (i) => [`"Bayar ${rupiah(ext.price_idr)}" -> ${i.url}`, 'waiting for payment'],
    );
    await this.step(
      'ext_pay',
      () => this.payAt(inv),
      () => ['paid at Xendit (QRIS)', 'waiting for payment'],
    );
    await this.step(
      'ext_active_seen',
      async () => {
        const [d] = await Promise.all([
          this.customerDoc.until(
            'active again, later end',
            (x) => x?.status === 'active' && Date.parse(x.ends_at) > before,
            o.waitMs,
          ),
          this.mitraDoc.until('active again', (x) => x?.status === 'active', o.waitMs),
        ]);
        o.metrics.activations++;
        return d;
      },
      (d) => [`chat open again until ${d.ends_at}`, 'chat open again'],
    );
    await this.step(
      'chat_more',
      () => this.chat('b', 1),
      (n) => [`#${n} in order`, `#${n} in order`],
    );
  }

  async awaitClosing() {
    await this.step(
      'closing_seen',
      () =>
        Promise.all([
          this.customerDoc.until('closing', (d) => d?.status === 'closing', this.o.waitMs),
          this.mitraDoc.until('closing', (d) => d?.status === 'closing', this.o.waitMs),
        ]),
      ([d]) => [`"Sesi berakhir (${d.closing_reason})", say goodbye`, 'say goodbye'],
    );
  }

  /** In closing: goodbye from both → completed → rating; then the message accounting. */
  async finish() {
    const o = this.o;
    const sid = this.sessionId;
    await Promise.all([this.refresh(this.customer), this.refresh(this.mitra)]);
    await this.step(
      'goodbye_customer',
      async () => {
        await ok(
          'customer goodbye',
          this.customer.api.POST('/api/client/sessions/{id}/goodbye', {
            params: { path: { id: sid } },
            body: { message: 'Makasih banyak Kak' },
          }),
        );
        return this.mitraDoc.until('the customer goodbye', (d) => !!d?.goodbyes?.customer, o.waitMs);
      },
      (d) => ['goodbye sent', `"${this.customer.name}: ${d.goodbyes.customer.message}"`],
    );
    await this.step(
      'goodbye_mitra',
      async () => {
        await ok(
          'mitra goodbye',
          this.mitra.api.POST('/api/mitra/sessions/{id}/goodbye', {
            params: { path: { id: sid } },
            body: { message: 'Sehat selalu ya' },
          }),
        );
        return this.customerDoc.until('the mitra goodbye', (d) => !!d?.goodbyes?.mitra, o.waitMs);
      },
      (d) => [`"${this.mitra.name}: ${d.goodbyes.mitra.message}"`, 'goodbye sent'],
    );
    await this.step(
      'completed_seen',
      () =>
        Promise.all([
          this.customerDoc.until('completed', (d) => d?.status === 'completed', o.waitMs),
          this.mitraDoc.until('completed', (d) => d?.status === 'completed', o.waitMs),
        ]),
      () => ['"Sesi selesai" -> rate your Bestie', '"Sesi selesai"'],
    );
    await this.step(
      'rating',
      () =>
        ok(
          'rating',
          this.customer.api.POST('/api/client/sessions/{id}/rating', {
            params: { path: { id: sid } },
            body: { stars: 5, comment: 'Bestie-nya sabar banget' },
          }),
        ),
      (r) => [`rated ${r.stars} stars, thank you`, '-'],
    );
    o.metrics.completed++;
  }

  /** Counts what the listeners saw (duplicates, out of order) and closes them. */
  close() {
    for (const w of [this.customerMsgs, this.mitraMsgs]) {
      if (!w) continue;
      this.o.metrics.duplicates += w.duplicates;
      this.o.metrics.outOfOrder += w.outOfOrder;
      w.close();
    }
    for (const d of new Set([this.customerDoc, this.mitraDoc, this.mitraPrivate])) d?.close();
  }

  /** Lets listeners that are still delivering finish before accounting (after the last wait). */
  static settle(ms = 200) {
    return sleep(ms);
  }
}

export type { Doc };
