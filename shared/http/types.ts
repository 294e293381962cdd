import { type AccessTokens, type Principal } from '../auth';
import { type RolePermissions } from '../users';

export type { Principal };

/** What the auth middlewares need; the function shell puts it on every request's context. */
export interface AuthGuards {
  accessTokens: AccessTokens;
  permissions: RolePermissions;
}

export type CustomerPrincipal = Principal & { userType: 'customer' };
export type MitraPrincipal = Principal & { userType: 'mitra' };
export type MobilePrincipal = CustomerPrincipal | MitraPrincipal;
export type CcPrincipal = Principal & { userType: 'cc_user'; role: string };

/** Every function's context: the request id and the guards. The principal comes from the route's middleware. */
export interface AppEnv {
  Variables: {
    requestId: string;
    guards: AuthGuards;
  };
}
