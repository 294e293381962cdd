import type { PoolClient } from 'pg';
import type { Clock } from '../clock';
import { configReader, type ConfigReader } from '../config/reader';
import type { Db } from '../db/pool';
import type { Logger } from '../logger';
import type { OutboxRelay } from '../outbox/relay';
import type { PaymentProvider } from '../ports/payment-provider';
import type { Runtime } from '../runtime';
import { sessionsDeps } from '../sessions/deps';
import { sessionPaymentHooks } from '../sessions/payment-hooks';

/**
 * The session state changes a payment settles, owned by the sessions feature. Each runs inside the
 * settlement's transaction (the payment row and the session change commit together) and answers
 * whether it changed anything: false = the session/extension had moved on (a late or stale report).
 */
export interface SessionTransitions {
  activatePaidSession(c: PoolClient, sessionId: string, now: Date): Promise<boolean>;
  cancelUnpaidSession(c: PoolClient, sessionId: string, now: Date, reason: string): Promise<boolean>;
  applyPaidExtension(c: PoolClient, extensionId: string, now: Date): Promise<boolean>;
  lapseExtension(c: PoolClient, extensionId: string, now: Date): Promise<boolean>;
  /** What an invoice is created for: the payable thing's price and whether it still waits for payment. */
  payable(
    c: PoolClient,
    kind: 'session' | 'extension',
    id: string,
  ): Promise<{ sessionId: string; amountIdr: number; description: string; payable: boolean } | undefined>;
}

export interface PaymentsDeps {
  db: Db;
  clock: Clock;
  config: ConfigReader;
  outbox: OutboxRelay;
  logger: Logger;
  provider: PaymentProvider;
  /** XENDIT_CALLBACK_TOKEN; unset → every callback is refused (never accept an unverifiable webhook). */
  callbackToken: string | undefined;
  sessions: SessionTransitions;
}

const perRuntime = new WeakMap<Runtime, PaymentsDeps>();

export function paymentsDeps(rt: Runtime): PaymentsDeps {
  let deps = perRuntime.get(rt);
  if (!deps) {
    deps = {
      db: rt.db,
      clock: rt.clock,
      config: configReader(rt),
      outbox: rt.outbox,
      logger: rt.logger.child({ feature: 'payments' }),
      provider: rt.payments,
      callbackToken: rt.env.XENDIT_CALLBACK_TOKEN,
      sessions: sessionPaymentHooks(sessionsDeps(rt)),
    };
    perRuntime.set(rt, deps);
  }
  return deps;
}
