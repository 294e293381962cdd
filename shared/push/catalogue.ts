import { z } from 'zod';

/**
 * Every push the backend sends (SPEC §12), each either an alert the user must see even with the app
 * closed, or a background push the app only syncs from. An alert's title and body are written here
 * from names and ids, never from what anyone typed: curhat content does not belong on a lock screen.
 */

/** Who a type goes to; `either` is whichever side the trigger concerns (sessions). */
export type PushAudience = 'customer' | 'mitra' | 'either';
export interface PushText {
  title: string;
  body: string;
}
type Shape = Record<string, z.ZodType>;
type Side = 'customer' | 'mitra';

export interface PushDef<S extends Shape = Shape, T = never, E extends boolean = boolean> {
  kind: 'alert' | 'background';
  to: PushAudience;
  /** The FCM `data` besides `type`: ids and enums, every value a string (FCM's rule). */
  data: S;
  /** The data field holding the session or request id: Android `tag`, iOS `thread-id`. */
  thread: keyof S & string;
  /** Alerts: the Indonesian title and body, from the push's params. */
  text?: (p: T) => PushText;
  /** The push carries `expires_at` (Android `ttl`, iOS `apns-expiration`). */
  expires: E;
  /** Background: the app must react at once (Android high priority). */
  urgent: boolean;
}

function alert<S extends Shape, T extends object, E extends boolean = false>(d: {
  to: PushAudience;
  data: S;
  thread: keyof S & string;
  text: (p: T) => PushText;
  expires?: E;
}): PushDef<S, T, E> {
  return { kind: 'alert', urgent: false, ...d, expires: (d.expires ?? false) as E };
}

function background<S extends Shape>(d: {
  to: PushAudience;
  data: S;
  thread: keyof S & string;
  urgent?: boolean;
}): PushDef<S, never, false> {
  return { kind: 'background', ...d, urgent: d.urgent ?? false, expires: false };
}

const id = z.string().min(1);
const sensitivity = z.enum(['regular', 'sensitive']);
const side = z.enum(['customer', 'mitra']);
/** Counts travel as decimal text: FCM data values are strings. */
const count = z.string().regex(/^\d+$/);

export const PUSH_TYPES = {
  chat_request: alert({
    to: 'mitra',
    data: { request_id: id, topic_sensitivity: sensitivity },
    thread: 'request_id',
    expires: true,
    text: (p: { customer_name: string }) => ({
      title: 'Ada yang ingin curhat',
      body: `${p.customer_name} menunggu jawabanmu. Terima sebelum waktunya habis.`,
    }),
  }),
  /** The offer closed (taken by another mitra, cancelled, expired): the app clears it at once. */
  request_withdrawn: background({
    to: 'mitra',
    data: { request_id: id, reason: z.enum(['taken', 'cancelled', 'expired']) },
    thread: 'request_id',
    urgent: true,
  }),
  paired: alert({
    to: 'customer',
    data: { session_id: id },
    thread: 'session_id',
    text: (p: { mitra_name: string }) => ({
      title: 'Bestie ditemukan',
      body: `${p.mitra_name} siap menemanimu curhat. Buka aplikasi untuk melanjutkan.`,
    }),
  }),
  /** No mitra took the request in time; the pairing doc says so. */
  pairing_expired: background({ to: 'customer', data: { request_id: id }, thread: 'request_id' }),
  payment_confirmed: alert({
    to: 'customer',
    data: { session_id: id },
    thread: 'session_id',
    text: (p: { mitra_name: string }) => ({
      title: 'Pembayaran diterima',
      body: `Sesi curhatmu dengan ${p.mitra_name} sudah dimulai.`,
    }),
  }),
  session_started: alert({
    to: 'mitra',
    data: { session_id: id },
    thread: 'session_id',
    text: (p: { customer_name: string }) => ({
      title: 'Sesi dimulai',
      body: `${p.customer_name} sudah membayar. Sesi curhat dimulai sekarang.`,
    }),
  }),
  session_cancelled: alert({
    to: 'customer',
    data: { session_id: id, reason: id },
    thread: 'session_id',
    text: (p: { mitra_name: string }) => ({
      title: 'Sesi dibatalkan',
      body: `Sesi dengan ${p.mitra_name} dibatalkan karena pembayaran belum selesai.`,
    }),
  }),
  chat_message: alert({
    to: 'either',
    data: { session_id: id, message_id: id, seq: count },
    thread: 'session_id',
    text: (p: { sender_name: string }) => ({
      title: `Pesan baru dari ${p.sender_name}`,
      body: 'Buka aplikasi untuk membacanya.',
    }),
  }),
  time_up: alert({
    to: 'either',
    data: { session_id: id },
    thread: 'session_id',
    text: (p: { to: Side; other_name: string }) =>
      p.to === 'customer'
        ? { title: 'Waktu curhat habis', body: `Sesimu dengan ${p.other_name} sudah habis. Mau tambah waktu?` }
        : { title: 'Waktu sesi habis', body: `Waktu sesi dengan ${p.other_name} sudah habis.` },
  }),
  extension_requested: alert({
    to: 'mitra',
    data: {
      session_id: id,
      extension_id: id,
      duration_minutes: count,
      topic_sensitivity: sensitivity,
      respond_by: z.iso.datetime(),
    },
    thread: 'session_id',
    expires: true,
    text: (p: { customer_name: string; duration_minutes: string }) => ({
      title: 'Permintaan tambah waktu',
      body: `${p.customer_name} ingin menambah ${p.duration_minutes} menit. Jawab sekarang.`,
    }),
  }),
  extension_answered: alert({
    to: 'customer',
    data: { session_id: id, extension_id: id, answer: z.enum(['accepted', 'rejected']) },
    thread: 'session_id',
    text: (p: { mitra_name: string; answer: 'accepted' | 'rejected' }) =>
      p.answer === 'accepted'
        ? {
            title: 'Tambah waktu disetujui',
            body: `${p.mitra_name} setuju menambah waktu. Selesaikan pembayaran untuk melanjutkan.`,
          }
        : { title: 'Tambah waktu ditolak', body: `${p.mitra_name} belum bisa menambah waktu. Sesi akan berakhir.` },
  }),
  /** The extension was paid: the session runs again; both docs already say so. */
  extension_applied: background({ to: 'either', data: { session_id: id, extension_id: id }, thread: 'session_id' }),
  session_closing: alert({
    to: 'either',
    data: { session_id: id, reason: id },
    thread: 'session_id',
    text: (p: { other_name: string }) => ({
      title: 'Sesi akan berakhir',
      body: `Sampaikan salam perpisahan untuk ${p.other_name} sebelum sesi ditutup.`,
    }),
  }),
  /** The other side said goodbye; the session doc carries it. */
  goodbye: background({ to: 'either', data: { session_id: id, from: side }, thread: 'session_id' }),
  /** A session change whose alert went to the other side (or to nobody): this side only syncs. */
  session_updated: background({ to: 'either', data: { session_id: id, status: id }, thread: 'session_id' }),
  safety_resources: alert({
    to: 'customer',
    data: { session_id: id },
    thread: 'session_id',
    text: () => ({
      title: 'Kamu tidak sendirian',
      body: 'Ada layanan bantuan yang bisa kamu hubungi kapan saja. Buka aplikasi untuk melihatnya.',
    }),
  }),
} as const;

export type PushType = keyof typeof PUSH_TYPES;
type DefOf<K extends PushType> = (typeof PUSH_TYPES)[K];

/** What `buildPush(type, …)` takes: the data fields, the text's params, and `expires_at` when it expires. */
export type PushParams<K extends PushType> = {
  [F in keyof DefOf<K>['data']]: z.input<DefOf<K>['data'][F]>;
} & (DefOf<K> extends {
  text?: (p: infer T) => PushText;
}
  ? [T] extends [never]
    ? unknown
    : T
  : unknown) &
  (DefOf<K>['expires'] extends true ? { expires_at: Date } : unknown);
