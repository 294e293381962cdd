import { type AccessTokens, authGuards } from '../auth';
import { featureDeps, type FeatureDeps, type Platform } from '../feature-deps';
import type { Tx } from '../outbox';

/** What the control-center use cases need; `tokens` so a revocation applies on this instance at once. */
export interface ControlCenterDeps extends FeatureDeps {
  tokens: AccessTokens;
  /** A session an operator ended freed its mitra (the function's composition offers it waiting requests). */
  onMitraFreed?: (t: Tx, mitraId: string, now: Date) => Promise<void>;
}

export function controlCenterDeps(rt: Platform): ControlCenterDeps {
  return { ...featureDeps(rt), tokens: authGuards(rt).accessTokens };
}
