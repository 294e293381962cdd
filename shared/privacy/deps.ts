import { type AccessTokens, authGuards } from '../auth';
import { featureDeps, oncePerPlatform, type FeatureDeps } from '../feature-deps';

/** What the privacy use cases need; `tokens` so a deletion's revocations apply on this instance at once. */
export interface PrivacyDeps extends FeatureDeps {
  tokens: AccessTokens;
}

export const privacyDeps = oncePerPlatform((rt): PrivacyDeps => ({
  ...featureDeps(rt, rt.logger.child({ feature: 'privacy' })),
  tokens: authGuards(rt).accessTokens,
}));
