export interface OtpProvider {
  readonly name: string;
  /** Sends the code; returns the provider's reference for support look-ups. */
  send(message: { otpRequestId: string; phone: string; code: string }): Promise<{ providerRef: string }>;
}

/**
 * What a failed send may say of itself: `maybeSent` when the provider may have delivered the code
 * anyway (a timeout or a 5xx after the request reached it). Such a code still counts against the
 * phone's limits and its resend cool-down, so a user's retry cannot make it a second SMS at once.
 */
export interface OtpSendFailure {
  maybeSent?: boolean;
}

export const mayHaveBeenSent = (err: unknown): boolean => (err as OtpSendFailure | undefined)?.maybeSent === true;
