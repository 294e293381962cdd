import { featureDeps, oncePerPlatform, type FeatureDeps } from '../feature-deps';
import type { Realtime } from '../ports/realtime';
import type { TransitionDeps } from './transitions';

/** What the sessions use cases need. `realtime` only for the ephemeral typing doc (no outbox row per keystroke). */
export interface SessionsDeps extends FeatureDeps, TransitionDeps {
  realtime: Realtime;
  /** Where every committed message is announced for safety screening (SPEC §15). */
  screeningTopic: string;
}

export const sessionsDeps = oncePerPlatform((rt): SessionsDeps => ({
  ...featureDeps(rt, rt.logger.child({ feature: 'sessions' })),
  realtime: rt.realtime,
  screeningTopic: rt.env.PUBSUB_SCREENING_TOPIC,
}));
