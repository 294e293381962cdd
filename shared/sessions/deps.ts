import { featureDeps, oncePerPlatform, type FeatureDeps } from '../feature-deps';
import type { Realtime } from '../ports/realtime';
import type { TransitionDeps } from './transitions';

/** What the sessions use cases need. `realtime` only for the ephemeral typing doc (no outbox row per keystroke). */
export interface SessionsDeps extends FeatureDeps, TransitionDeps {
  realtime: Realtime;
}

export const sessionsDeps = oncePerPlatform((rt): SessionsDeps => ({
  ...featureDeps(rt, rt.logger.child({ feature: 'sessions' })),
  realtime: rt.realtime,
}));
