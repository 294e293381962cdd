import type { PoolClient } from 'pg';
import type { Clock } from '../clock';
import type { ConfigReader } from '../config/reader';
import type { Db } from '../db/pool';
import { tx } from '../db/tx';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import type { OtpProvider } from '../ports/otp-provider';
import { firebaseUid } from '../realtime/access';
import {
  ccUserProfile,
  findCcUser,
  findCcUserByEmail,
  insertCcUser,
  recordFailedLogin,
  resetFailedLogins,
  roleExists,
  setPasswordHash,
  type RolePermissions,
} from '../users/cc-users';
import {
  createCustomer,
  customerProfile,
  findCustomer,
  findCustomerBy,
  generatedDisplayName,
  linkIdentity,
  updateDisplayName,
  type CustomerRow,
  type IdentityField,
} from '../users/customers';
import { deleteDeviceToken, upsertDeviceToken, type DeviceTokenInput } from '../users/device-tokens';
import { findMitra, findOrCreateMitraByPhone, mitraProfile } from '../users/mitras';
import type { AccessTokens, Principal, UserType } from './access-tokens';
import type { FirebaseTokenMinter } from './firebase-token';
import type { IdTokenVerifier } from './id-tokens';
import { consumeOtp, requestOtp, type OtpUserType } from './otp';
import { assertPasswordComplexity, hashPassword, verifyPassword } from './passwords';
import {
  createAuthSession,
  refreshInvalid,
  revokeAuthSession,
  revokeByRefreshToken,
  revokeUserSessions,
  rotateRefreshToken,
  type DeviceInfo,
  type RefreshPolicy,
} from './refresh-sessions';

export interface AuthDeps {
  db: Db;
  clock: Clock;
  config: ConfigReader;
  tokens: AccessTokens;
  permissions: RolePermissions;
  otpProvider: OtpProvider;
  idTokens: { google?: IdTokenVerifier; apple?: IdTokenVerifier };
  firebase?: FirebaseTokenMinter;
  refreshPolicy: RefreshPolicy;
  logger: Logger;
}

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };
const fail = <T>(error: AppError): Result<T> => ({ ok: false, error });
const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw r.error;
  return r.value;
};

const identityConflict = () => new AppError('IDENTITY_CONFLICT', 'Akun ini sudah terhubung dengan pengguna lain');

export class AuthService {
  constructor(private readonly d: AuthDeps) {}

  private async pair(p: Principal, refreshToken: string): Promise<TokenPair> {
    return {
      access_token: await this.d.tokens.sign(p),
      refresh_token: refreshToken,
      token_type: 'Bearer',
      expires_in: this.d.tokens.ttlSeconds,
    };
  }

  private async startSession(c: PoolClient, userType: UserType, userId: string, device: DeviceInfo, role?: string) {
    const { sessionId, refreshToken } = await createAuthSession(
      c,
      userType,
      userId,
      device,
      this.d.clock.now(),
      this.d.refreshPolicy,
    );
    return {
      sessionId,
      refreshToken,
      principal: { userId, userType, sessionId, ...(role ? { role } : {}) } as Principal,
    };
  }

  // ---- customers -------------------------------------------------------------------------

  async signInAnonymous(displayName: string | undefined, device: DeviceInfo) {
    const { customer, session } = await tx(this.d.db, async (c) => {
      const customer = await createCustomer(
        c,
        { display_name: displayName ?? generatedDisplayName() },
        this.d.clock.now(),
      );
      return { customer: customer!, session: await this.startSession(c, 'customer', customer!.id, device) };
    });
    return { ...(await this.pair(session.principal, session.refreshToken)), profile: customerProfile(customer) };
  }

  requestOtp(userType: OtpUserType, phone: string, ip: string | undefined) {
    return requestOtp(
      { db: this.d.db, clock: this.d.clock, config: this.d.config, provider: this.d.otpProvider },
      { userType, phone, ip },
    );
  }

  /**
   * Finds or creates the customer for an identity. With anonymous_customer_id (the caller's own guest)
   * the guest row gains the identity and keeps its id and display name. An identity owned by someone
   * else is IDENTITY_CONFLICT and the guest is left untouched.
   */
  private async resolveCustomer(
    c: PoolClient,
    field: IdentityField,
    value: string,
    extra: { email?: string | null; name?: string },
    guestId: string | undefined,
    caller: Principal | undefined,
  ): Promise<Result<CustomerRow>> {
    const now = this.d.clock.now();
    // Serialise every sign-in for this identity, so parallel first sign-ins create one row.
    await c.query("SELECT pg_advisory_xact_lock(hashtext('identity:' || $1 || ':' || $2))", [field, value]);
    const existing = await findCustomerBy(c, field, value);
    if (guestId) {
      if (!caller || caller.userType !== 'customer' || caller.userId !== guestId) {
        return fail(new AppError('FORBIDDEN', 'anonymous_customer_id must be the signed-in guest'));
      }
      const guest = await findCustomer(c, guestId, true);
      if (!guest) return fail(new AppError('NOT_FOUND', 'Guest account not found'));
      if (existing && existing.id !== guest.id) return fail(identityConflict());
      if (existing) return { ok: true, value: existing };
      if (guest[field] && guest[field] !== value) return fail(identityConflict());
      return { ok: true, value: await linkIdentity(c, guest.id, field, value, extra.email, now) };
    }
    if (existing) return { ok: true, value: existing };
    const created = await createCustomer(
      c,
      { display_name: extra.name?.slice(0, 50) || generatedDisplayName(), [field]: value, email: extra.email ?? null },
      now,
    );
    return { ok: true, value: created };
  }

  private async completeCustomerSignIn(c: PoolClient, r: Result<CustomerRow>, device: DeviceInfo) {
    if (!r.ok) return r;
    if (r.value.is_banned) return fail<never>(new AppError('ACCOUNT_BANNED', 'Akun ini diblokir'));
    const session = await this.startSession(c, 'customer', r.value.id, device);
    return { ok: true as const, value: { customer: r.value, session } };
  }

  async verifyCustomerOtp(
    input: { otpRequestId: string; code: string; anonymousCustomerId?: string },
    caller: Principal | undefined,
    device: DeviceInfo,
  ) {
    const cfg = await this.d.config.get();
    const outcome = await tx(this.d.db, async (c) => {
      const otp = await consumeOtp(
        c,
        { otpRequestId: input.otpRequestId, userType: 'customer', code: input.code },
        this.d.clock.now(),
        cfg.otp_max_verify_attempts,
      );
      if (!otp.ok) return otp;
      const resolved = await this.resolveCustomer(c, 'phone', otp.phone, {}, input.anonymousCustomerId, caller);
      if (!resolved.ok) throw resolved.error; // roll back: the code stays usable, the guest untouched
      return this.completeCustomerSignIn(c, resolved, device);
    });
    const { customer, session } = unwrap(outcome);
    return { ...(await this.pair(session.principal, session.refreshToken)), profile: customerProfile(customer) };
  }

  async signInWithProvider(
    provider: 'google' | 'apple',
    idToken: string,
    anonymousCustomerId: string | undefined,
    caller: Principal | undefined,
    device: DeviceInfo,
  ) {
    const verifier = this.d.idTokens[provider];
    if (!verifier) throw new AppError('PROVIDER_NOT_CONFIGURED', `${provider} sign-in is not configured`);
    const claims = await verifier.verify(idToken);
    const field: IdentityField = provider === 'google' ? 'google_sub' : 'apple_sub';
    const outcome = await tx(this.d.db, async (c) => {
      const resolved = await this.resolveCustomer(
        c,
        field,
        claims.sub,
        { email: claims.email ?? null, name: claims.name },
        anonymousCustomerId,
        caller,
      );
      if (!resolved.ok) throw resolved.error;
      return this.completeCustomerSignIn(c, resolved, device);
    });
    const { customer, session } = unwrap(outcome);
    return { ...(await this.pair(session.principal, session.refreshToken)), profile: customerProfile(customer) };
  }

  async customerMe(p: Principal) {
    const customer = await findCustomer(this.d.db, p.userId);
    if (!customer) throw new AppError('NOT_FOUND', 'Customer not found');
    return customerProfile(customer);
  }

  async updateCustomerProfile(p: Principal, displayName: string) {
    const customer = await updateDisplayName(this.d.db, p.userId, displayName, this.d.clock.now());
    if (!customer) throw new AppError('NOT_FOUND', 'Customer not found');
    return customerProfile(customer);
  }

  // ---- mitras ----------------------------------------------------------------------------

  async verifyMitraOtp(input: { otpRequestId: string; code: string }, device: DeviceInfo) {
    const cfg = await this.d.config.get();
    const outcome = await tx(this.d.db, async (c) => {
      const otp = await consumeOtp(
        c,
        { otpRequestId: input.otpRequestId, userType: 'mitra', code: input.code },
        this.d.clock.now(),
        cfg.otp_max_verify_attempts,
      );
      if (!otp.ok) return otp;
      const { mitra } = await findOrCreateMitraByPhone(c, otp.phone, this.d.clock.now());
      // The new inactive mitra and the used code commit; the operator activates the account.
      if (!mitra.is_active)
        return fail<never>(new AppError('ACCOUNT_INACTIVE', 'Akun tidak aktif. Hubungi administrator.'));
      return { ok: true as const, value: { mitra, session: await this.startSession(c, 'mitra', mitra.id, device) } };
    });
    const { mitra, session } = unwrap(outcome);
    return { ...(await this.pair(session.principal, session.refreshToken)), profile: mitraProfile(mitra) };
  }

  async mitraMe(p: Principal) {
    const mitra = await findMitra(this.d.db, p.userId);
    if (!mitra) throw new AppError('NOT_FOUND', 'Mitra not found');
    return mitraProfile(mitra);
  }

  // ---- tokens ----------------------------------------------------------------------------

  /** Rotates a refresh token. Mobile tokens here; control-center tokens only through the cookie route. */
  async refresh(refreshToken: string, device: DeviceInfo, audience: 'mobile' | 'cc_user') {
    const allowed = (t: UserType) => (audience === 'cc_user') === (t === 'cc_user');
    const outcome = await rotateRefreshToken(
      this.d.db,
      refreshToken,
      device,
      this.d.clock.now(),
      this.d.refreshPolicy,
      allowed,
    );
    if (!outcome.ok) {
      if (outcome.revokedSessionId) {
        this.d.tokens.revocations.markRevoked(outcome.revokedSessionId);
        this.d.logger.warn('refresh token reuse: session revoked', { auth_session_id: outcome.revokedSessionId });
      }
      throw refreshInvalid();
    }
    let role: string | undefined;
    if (outcome.userType === 'cc_user') role = (await findCcUser(this.d.db, outcome.userId))?.role_id;
    if (outcome.userType === 'mitra' && !(await findMitra(this.d.db, outcome.userId))?.is_active) {
      await this.logout({ userId: outcome.userId, userType: 'mitra', sessionId: outcome.sessionId });
      throw new AppError('ACCOUNT_INACTIVE', 'Akun tidak aktif. Hubungi administrator.');
    }
    const principal: Principal = {
      userId: outcome.userId,
      userType: outcome.userType,
      sessionId: outcome.sessionId,
      ...(role ? { role } : {}),
    };
    return { principal, tokens: await this.pair(principal, outcome.refreshToken) };
  }

  async logout(p: Principal): Promise<void> {
    await revokeAuthSession(this.d.db, p.sessionId, 'logout', this.d.clock.now());
    this.d.tokens.revocations.markRevoked(p.sessionId);
  }

  async logoutByRefreshToken(refreshToken: string): Promise<void> {
    const sessionId = await revokeByRefreshToken(this.d.db, refreshToken, this.d.clock.now());
    if (sessionId) this.d.tokens.revocations.markRevoked(sessionId);
  }

  async revokeAllSessions(userType: UserType, userId: string, reason: string, exceptSessionId?: string): Promise<void> {
    const ids = await revokeUserSessions(this.d.db, userType, userId, reason, this.d.clock.now(), exceptSessionId);
    for (const id of ids) this.d.tokens.revocations.markRevoked(id);
  }

  async firebaseToken(p: Principal) {
    if (p.userType === 'cc_user') throw new AppError('FORBIDDEN');
    if (!this.d.firebase) throw new AppError('PROVIDER_NOT_CONFIGURED', 'Firebase custom tokens are not configured');
    const { token, expiresAt } = await this.d.firebase.mint(firebaseUid(p.userType, p.userId), {
      user_type: p.userType,
    });
    return { firebase_token: token, uid: firebaseUid(p.userType, p.userId), expires_at: expiresAt.toISOString() };
  }

  async putDeviceToken(input: DeviceTokenInput) {
    await upsertDeviceToken(this.d.db, input, this.d.clock.now());
  }

  async deleteDeviceToken(p: Principal, deviceId: string) {
    await deleteDeviceToken(this.d.db, p.userType, p.userId, deviceId);
  }

  // ---- control center --------------------------------------------------------------------

  private async ccSession(userId: string, roleId: string, device: DeviceInfo) {
    return tx(this.d.db, (c) => this.startSession(c, 'cc_user', userId, device, roleId));
  }

  async ccLogin(email: string, password: string, device: DeviceInfo) {
    const user = await findCcUserByEmail(this.d.db, email);
    // bcrypt runs for unknown emails too, so both failures cost the same time and look the same.
    const passwordOk = await verifyPassword(password, user?.password_hash);
    const invalid = new AppError('INVALID_CREDENTIALS', 'Email atau password salah');
    if (!user) throw invalid;
    const now = this.d.clock.now();
    if (user.lockout_until && user.lockout_until > now) {
      throw new AppError('ACCOUNT_LOCKED', 'Akun terkunci sementara', {
        locked_until: user.lockout_until.toISOString(),
      });
    }
    if (!passwordOk) {
      const cfg = await this.d.config.get();
      await recordFailedLogin(this.d.db, user.id, now, cfg.cc_lockout_max_failures, cfg.cc_lockout_minutes);
      throw invalid;
    }
    await resetFailedLogins(this.d.db, user.id);
    const session = await this.ccSession(user.id, user.role_id, device);
    return {
      tokens: await this.pair(session.principal, session.refreshToken),
      profile: ccUserProfile(user),
      role: user.role_id,
      permissions: await this.d.permissions.of(user.role_id),
    };
  }

  async ccMe(p: Principal) {
    const user = await findCcUser(this.d.db, p.userId);
    if (!user) throw new AppError('NOT_FOUND', 'User not found');
    return { profile: ccUserProfile(user), role: user.role_id, permissions: await this.d.permissions.of(user.role_id) };
  }

  async createCcUser(input: { email: string; password: string; display_name: string; role: string }) {
    assertPasswordComplexity(input.password);
    if (!(await roleExists(this.d.db, input.role)))
      throw new AppError('BAD_REQUEST', 'Unknown role', {
        issues: [{ path: 'role', message: 'unknown role', code: 'invalid_value' }],
      });
    const user = await insertCcUser(
      this.d.db,
      {
        email: input.email.trim(),
        display_name: input.display_name,
        password_hash: await hashPassword(input.password),
        role_id: input.role,
      },
      this.d.clock.now(),
    );
    if (!user) throw new AppError('EMAIL_TAKEN', 'Email sudah digunakan');
    return ccUserProfile(user);
  }

  async changeOwnPassword(p: Principal, current: string, next: string) {
    const user = await findCcUser(this.d.db, p.userId);
    if (!user || !(await verifyPassword(current, user.password_hash)))
      throw new AppError('INVALID_CREDENTIALS', 'Password saat ini salah');
    assertPasswordComplexity(next);
    await setPasswordHash(this.d.db, user.id, await hashPassword(next), this.d.clock.now());
    await this.revokeAllSessions('cc_user', user.id, 'password_changed', p.sessionId);
  }

  async adminResetPassword(targetId: string, next: string) {
    assertPasswordComplexity(next);
    const hash = await hashPassword(next);
    if (!(await setPasswordHash(this.d.db, targetId, hash, this.d.clock.now())))
      throw new AppError('NOT_FOUND', 'User not found');
    await this.revokeAllSessions('cc_user', targetId, 'password_reset');
  }
}
