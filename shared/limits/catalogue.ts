import type { AppConfig } from '../config';
import type { Bucket } from './repo/rate-limits';

const HOUR = 3600;
const DAY = 86_400;

/** `count` per `seconds`: a bucket that holds `count` and refills at that rate (a burst of at most `count`). */
const per = (key: string, count: number, seconds: number): Bucket => ({
  key,
  capacity: count,
  refillPerSecond: count / seconds,
});

type Limits = AppConfig['limits'];

/**
 * SPEC §13's table, keyed as it says. A request takes a token from each of its buckets or from none;
 * an optional key (a device id the caller did not send) adds no bucket.
 */
export const LIMITS = {
  guest_signup: (l: Limits, ip: string, deviceId?: string) => [
    per(`signup:ip:${ip}`, l.guest_signup.per_ip_per_hour, HOUR),
    ...(deviceId ? [per(`signup:device:${deviceId}`, l.guest_signup.per_device_per_day, DAY)] : []),
  ],
  chat_request: (l: Limits, customerId: string, deviceId?: string) => [
    per(`chat-request:customer:${customerId}`, l.chat_request.per_customer_per_hour, HOUR),
    ...(deviceId ? [per(`chat-request:device:${deviceId}`, l.chat_request.per_device_per_day, DAY)] : []),
  ],
  report: (l: Limits, side: 'customer' | 'mitra', userId: string) => [
    per(`report:${side}:${userId}`, l.reports.per_reporter_per_day, DAY),
  ],
  device_token: (l: Limits, side: 'customer' | 'mitra', userId: string) => [
    per(`device-token:${side}:${userId}`, l.device_token_upserts.per_user_per_hour, HOUR),
  ],
} satisfies Record<string, (l: Limits, ...keys: never[]) => Bucket[]>;

export type LimitName = keyof typeof LIMITS;
export type LimitKeys<N extends LimitName> = (typeof LIMITS)[N] extends (l: Limits, ...keys: infer K) => Bucket[]
  ? K
  : never;
