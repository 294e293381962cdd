import { featureDeps, oncePerPlatform, type FeatureDeps } from '../feature-deps';

/** Everything a pairing use case needs; built once per runtime so the availability cache is per instance. */
export interface PairingDeps extends FeatureDeps {
  blastTopic: string;
  heartbeatCadenceSeconds: number;
  /** GET /api/client/availability is polled by every customer's beacon: one count per instance per 5 s. */
  availabilityCache: { at: number; count: number } | undefined;
}

export const pairingDeps = oncePerPlatform((rt): PairingDeps => ({
  ...featureDeps(rt),
  blastTopic: rt.env.PUBSUB_PAIRING_TOPIC,
  heartbeatCadenceSeconds: rt.env.MITRA_HEARTBEAT_CADENCE_SECONDS,
  availabilityCache: undefined,
}));
