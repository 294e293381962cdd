import type { Principal } from '../auth/access-tokens';

export type { Principal };

export interface AppEnv {
  Variables: {
    requestId: string;
    principal: Principal;
  };
}
