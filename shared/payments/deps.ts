import { featureDeps, type FeatureDeps, type Platform } from '../feature-deps';
import type { Tx } from '../outbox';
import type { PaymentProvider } from '../ports/payment-provider';

/**
 * What a payment changes in a session, owned by the sessions feature and handed in by the function's
 * composition (payments sits below sessions and never imports it). Each runs inside the settlement's
 * transaction (the payment row and the session change commit together) and answers whether it changed
 * anything: false = the session/extension had moved on (a late or stale report).
 */
export interface SessionPayments {
  activatePaidSession(t: Tx, sessionId: string, now: Date): Promise<boolean>;
  cancelUnpaidSession(t: Tx, sessionId: string, now: Date, reason: string): Promise<boolean>;
  applyPaidExtension(t: Tx, extensionId: string, now: Date): Promise<boolean>;
  lapseExtension(t: Tx, extensionId: string, now: Date): Promise<boolean>;
  /** The session's documents show its payment as it is now (an invoice created, a payment flagged). */
  paymentChanged(t: Tx, sessionId: string): Promise<void>;
  /**
   * What an invoice is created for: the payable thing's price, whether it still waits for payment and
   * since when (the payment hold runs from then, however late the invoice is created).
   */
  payable(
    t: Tx,
    kind: 'session' | 'extension',
    id: string,
  ): Promise<
    { sessionId: string; amountIdr: number; description: string; payable: boolean; waitingSince: Date } | undefined
  >;
}

export interface PaymentsDeps extends FeatureDeps {
  provider: PaymentProvider;
  /** XENDIT_CALLBACK_TOKEN; unset → every callback is refused (never accept an unverifiable webhook). */
  callbackToken: string | undefined;
  sessions: SessionPayments;
}

/** The payments feature's deps: the provider and the session hooks come from the function's composition. */
export const paymentsDeps = (p: Platform, provider: PaymentProvider, sessions: SessionPayments): PaymentsDeps => ({
  ...featureDeps(p, p.logger.child({ feature: 'payments' })),
  provider,
  callbackToken: p.env.XENDIT_CALLBACK_TOKEN,
  sessions,
});
