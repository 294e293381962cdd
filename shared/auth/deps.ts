import type { Clock } from '../clock';
import { configReader, type ConfigReader } from '../config';
import type { Db } from '../db/pool';
import type { Logger } from '../logger';
import type { OutboxRelay } from '../outbox';
import type { OtpProvider } from '../ports/otp-provider';
import type { Platform } from '../platform';
import { type RolePermissions } from '../users';
import type { AccessTokens } from './access-tokens';
import type { AppCheckGate } from './app-check';
import type { FirebaseTokenMinter } from './firebase-token';
import { authGuards, refreshPolicy } from './guards';
import type { IdTokenVerifier } from './id-tokens';
import type { RefreshPolicy } from './refresh-sessions';

/** What the auth use cases need; each takes the bag (or the part it uses) as its first argument. */
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
  relay: OutboxRelay;
  appCheck: AppCheckGate;
}

/** The adapters only the auth function uses, built by its composition (functions/auth/adapters.ts). */
export interface AuthAdapters {
  otpProvider: OtpProvider;
  idTokens: { google?: IdTokenVerifier; apple?: IdTokenVerifier };
  firebase?: FirebaseTokenMinter;
  appCheck: AppCheckGate;
}

export function authDeps(rt: Platform, adapters: AuthAdapters): AuthDeps {
  const { accessTokens, permissions } = authGuards(rt);
  return {
    db: rt.db,
    clock: rt.clock,
    config: configReader(rt),
    tokens: accessTokens,
    permissions,
    ...adapters,
    refreshPolicy: refreshPolicy(rt.env),
    logger: rt.logger,
    relay: rt.relay,
  };
}
