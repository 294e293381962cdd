export interface OtpProvider {
  readonly name: string;
  /** Sends the code; returns the provider's reference for support look-ups. */
  send(message: { otpRequestId: string; phone: string; code: string }): Promise<{ providerRef: string }>;
}
