import { type AccessTokens, authGuards } from '../auth';
import { featureDeps, type FeatureDeps, type Platform } from '../feature-deps';

/** What the control-center use cases need; `tokens` so a revocation applies on this instance at once. */
export interface ControlCenterDeps extends FeatureDeps {
  tokens: AccessTokens;
}

export function controlCenterDeps(rt: Platform): ControlCenterDeps {
  return { ...featureDeps(rt), tokens: authGuards(rt).accessTokens };
}
