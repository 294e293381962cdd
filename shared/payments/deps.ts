import type { PoolClient } from 'pg';
import { featureDeps, oncePerRuntime, type FeatureDeps } from '../feature-deps';
import type { PaymentProvider } from '../ports/payment-provider';
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

export interface PaymentsDeps extends FeatureDeps {
  provider: PaymentProvider;
  /** XENDIT_CALLBACK_TOKEN; unset → every callback is refused (never accept an unverifiable webhook). */
  callbackToken: string | undefined;
  sessions: SessionTransitions;
}

export const paymentsDeps = oncePerRuntime((rt): PaymentsDeps => ({
  ...featureDeps(rt, rt.logger.child({ feature: 'payments' })),
  provider: rt.payments,
  callbackToken: rt.env.XENDIT_CALLBACK_TOKEN,
  sessions: sessionPaymentHooks(sessionsDeps(rt)),
}));
