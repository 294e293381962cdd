import { featureDeps, oncePerRuntime, type FeatureDeps } from '../feature-deps';
import type { Realtime } from '../ports/realtime';

/** What the sessions use cases need. `realtime` only for the ephemeral typing doc (no outbox row per keystroke). */
export interface SessionsDeps extends FeatureDeps {
  realtime: Realtime;
}

export const sessionsDeps = oncePerRuntime((rt): SessionsDeps => ({
  ...featureDeps(rt, rt.logger.child({ feature: 'sessions' })),
  realtime: rt.realtime,
}));
