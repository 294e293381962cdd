import { type AccessTokens, authGuards } from '../auth';
import { featureDeps, type FeatureDeps } from '../feature-deps';
import type { Runtime } from '../runtime';

/** What the control-center use cases need; `tokens` so a revocation applies on this instance at once. */
export interface ControlCenterDeps extends FeatureDeps {
  tokens: AccessTokens;
}

export function controlCenterDeps(rt: Runtime): ControlCenterDeps {
  return { ...featureDeps(rt), tokens: authGuards(rt).accessTokens };
}
