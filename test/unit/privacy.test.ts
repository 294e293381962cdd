import { describe, expect, it } from 'vitest';
import { maskEmail, maskPhone, piiAccess } from '../../shared/controlcenter/masking';
import { keptCallbackFields } from '../../shared/payments/receive-callback';

describe('masked personal data for operators (SPEC §14)', () => {
  it('a phone keeps its prefix and last three digits, always four stars whatever its length', () => {
    expect(maskPhone('+6281234567781')).toBe('+62812****781');
    expect(maskPhone('+628123456781')).toBe('+62812****781');
    expect(maskPhone('+62812345678901')).toBe('+62812****901');
    expect(maskPhone('+6281')).toBe('****');
  });

  it('an e-mail keeps its first letters and its top-level domain', () => {
    expect(maskEmail('budi.santoso@gmail.com')).toBe('b***@g***.com');
    expect(maskEmail('a@b.co.id')).toBe('a***@b***.id');
    expect(maskEmail('weird@localhost')).toBe('w***@l***');
    expect(maskEmail('@nobody')).toBe('***');
  });

  it('customers:read reveals customers, mitras:read mitras', () => {
    expect(piiAccess(['sessions:read', 'mitras:read'])).toEqual({ customers: false, mitras: true });
    expect(piiAccess(['customers:read'])).toEqual({ customers: true, mitras: false });
  });
});

describe('raw Xendit callbacks keep only what payments need (SPEC §14)', () => {
  // Xendit's invoice callback, every field its documentation lists (the Invoice Callback Object of the
  // xendit-node / xendit-php SDKs: id, external_id, user_id, status, merchant_name, amount, payer_email,
  // description, paid_amount, created, updated, currency, paid_at, payment_method, payment_channel,
  // payment_destination, payment_details, payment_id, redirect URLs, credit_card_charge_id, items, fees,
  // bank_code, ewallet_type, on_demand_link, receipt_id).
  const callback = {
    id: '579c8d61f23fa4ca35e52da4',
    external_id: 'session:8f4e0d2c-0000-4000-8000-000000000000',
    user_id: '5781d19b2e2385880609791c',
    is_high: false,
    status: 'PAID',
    merchant_name: 'Halo Bestie',
    amount: 25000,
    payer_email: 'budi.santoso@gmail.com',
    description: 'Sesi curhat 30 menit',
    paid_amount: 25000,
    created: '2026-11-25T10:00:00.000Z',
    updated: '2026-11-25T10:05:00.000Z',
    currency: 'IDR',
    paid_at: '2026-11-25T10:05:00.000Z',
    payment_method: 'EWALLET',
    payment_channel: 'OVO',
    payment_destination: '081234567781',
    payment_details: { receipt_id: 'r-1', source: '081234567781' },
    payment_id: 'pay-1',
    success_redirect_url: 'halobestie://payment/success?session_id=x',
    failure_redirect_url: 'halobestie://payment/failed?session_id=x',
    credit_card_charge_id: 'cc-1',
    items: [{ name: 'Sesi', quantity: 1, price: 25000 }],
    fees: [{ type: 'ADMIN', value: 0 }],
    bank_code: 'BCA',
    ewallet_type: 'OVO',
    on_demand_link: 'https://x',
    receipt_id: 'r-1',
  };

  it('keeps the settlement and reconciliation fields, nothing about the payer', () => {
    expect(keptCallbackFields(callback)).toEqual({
      id: callback.id,
      external_id: callback.external_id,
      status: 'PAID',
      amount: 25000,
      paid_amount: 25000,
      currency: 'IDR',
      paid_at: callback.paid_at,
      payment_id: 'pay-1',
      payment_method: 'EWALLET',
      payment_channel: 'OVO',
      created: callback.created,
      updated: callback.updated,
    });
    expect(JSON.stringify(keptCallbackFields(callback))).not.toMatch(/budi|0812/);
  });

  it('absent fields stay absent', () => {
    expect(keptCallbackFields({ id: 'x', status: 'EXPIRED', amount: 1 })).toEqual({
      id: 'x',
      status: 'EXPIRED',
      amount: 1,
    });
  });
});
