import type { Queryable } from '../../db/pool';
import type { Logger } from '../../logger';
import type { OtpProvider } from '../../ports/otp-provider';

/** Seed 001's stub (Fazpass pending): logs the code and keeps it for the ENABLE_TEST_ROUTES peek. */
export class StubOtpProvider implements OtpProvider {
  readonly name = 'stub';

  constructor(
    private readonly db: Queryable,
    private readonly logger: Logger,
  ) {}

  async send({ otpRequestId, phone, code }: { otpRequestId: string; phone: string; code: string }) {
    const providerRef = `stub-${otpRequestId.slice(0, 8)}`;
    await this.db.query(
      'INSERT INTO stub_otp_messages (otp_request_id, phone, code) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [otpRequestId, phone, code],
    );
    this.logger.info(`[OTP STUB] phone=${phone} code=${code} ref=${providerRef}`);
    return { providerRef };
  }

  async peek(otpRequestId: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ code: string }>(
      'SELECT code FROM stub_otp_messages WHERE otp_request_id = $1',
      [otpRequestId],
    );
    return rows[0]?.code;
  }
}
