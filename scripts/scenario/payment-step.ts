import { rawJson } from './client';
import type { ScenarioState } from './state';
import { bothSee, step } from './step';

/** Waits for the invoice link of this payment on the customer's session doc. */
export async function invoice(s: ScenarioState, kind: 'session' | 'extension', extensionId?: string) {
  const doc = await s.customerDoc.until(
    `the ${kind} invoice link`,
    (d) =>
      !!d?.xendit_invoice_url &&
      d.payment_for === kind &&
      (kind === 'session' || d.payment_extension_id === extensionId),
    s.o.waitMs,
  );
  const url = new URL(doc.xendit_invoice_url as string);
  const invoiceId = url.pathname.split('/').at(-1)!;
  return { url: url.toString(), invoiceId, origin: url.origin };
}

/** Pays an invoice at the fake Xendit, which calls the stack back. */
export async function payAt(s: ScenarioState, inv: { origin: string; invoiceId: string }) {
  const paid = (await rawJson(
    s.o.tally,
    'pay at the fake Xendit',
    `${inv.origin}/_fake/invoices/${inv.invoiceId}/pay`,
    { method: 'POST' },
  )) as { callback_status: number | null };
  if (paid.callback_status !== 200) throw new Error(`Xendit callback answered ${paid.callback_status}`);
  s.o.metrics.payments++;
}

/** Invoice → pay → both apps see the session active. */
export async function paySession(s: ScenarioState) {
  const o = s.o;
  const inv = await step(
    s,
    'invoice_seen',
    () => invoice(s, 'session'),
    (i) => [`"Bayar" -> ${i.url}`, 'waiting for payment'],
  );
  await step(
    s,
    'pay',
    () => payAt(s, inv),
    () => ['paid at Xendit (QRIS)', 'waiting for payment'],
  );
  await step(
    s,
    'active_seen',
    async () => {
      const [c] = await bothSee(s, 'active', 'active');
      o.metrics.activations++;
      return c;
    },
    (d) => [`chat open until ${d.ends_at}`, `chat open with ${s.customer.name}`],
  );
}
