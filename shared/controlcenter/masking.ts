/**
 * SPEC §14: an operator sees a customer's phone and e-mail in full only with `customers:read`, a mitra's
 * phone only with `mitras:read`; every other role gets them masked (a session page, a ban's answer).
 */
export interface PiiAccess {
  customers: boolean;
  mitras: boolean;
}

export function piiAccess(permissions: readonly string[]): PiiAccess {
  return { customers: permissions.includes('customers:read'), mitras: permissions.includes('mitras:read') };
}

/**
 * `+6281234567781` → `+62812****781`: the country and operator prefix and the last three digits, enough
 * to tell two numbers apart on a call; the stars are always four, so the mask hides the length too.
 */
export function maskPhone(phone: string): string {
  if (phone.length <= 9) return '****';
  return `${phone.slice(0, 6)}****${phone.slice(-3)}`;
}

/** `budi.santoso@gmail.com` → `b***@g***.com`: first letters and the top-level domain only. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${email[0]}***@${domain[0] ?? ''}***${tld}`;
}

export const phoneFor = (phone: string | null, full: boolean) => (phone === null || full ? phone : maskPhone(phone));
export const emailFor = (email: string | null, full: boolean) => (email === null || full ? email : maskEmail(email));
