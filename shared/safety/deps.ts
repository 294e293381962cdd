import { featureDeps, oncePerPlatform, type FeatureDeps } from '../feature-deps';

/** What the safety use cases need: the platform's shared parts, logging as the safety feature. */
export type SafetyDeps = FeatureDeps;

export const safetyDeps = oncePerPlatform((rt): SafetyDeps => featureDeps(rt, rt.logger.child({ feature: 'safety' })));
