export type InvoiceStatus = 'PENDING' | 'PAID' | 'SETTLED' | 'EXPIRED';

export interface CreateInvoice {
  /** Names what it pays for: `session:<id>` / `extension:<id>`. */
  externalId: string;
  amountIdr: number;
  description: string;
  durationSeconds: number;
  successRedirectUrl?: string;
  failureRedirectUrl?: string;
}

export interface Invoice {
  id: string;
  externalId: string;
  status: InvoiceStatus;
  amount: number;
  currency: string;
  invoiceUrl: string;
  expiresAt: Date;
}

export interface PaymentProvider {
  createInvoice(input: CreateInvoice): Promise<Invoice>;
  getInvoice(id: string): Promise<Invoice>;
}
