import type { AppCheckGate } from '../auth';
import { piiHashKey } from '../env';
import { featureDeps, type FeatureDeps, type Platform } from '../feature-deps';

/**
 * Everything a pairing use case needs; built once by the pairing function's composition, so the
 * availability cache is per instance.
 */
export interface PairingDeps extends FeatureDeps {
  blastTopic: string;
  heartbeatCadenceSeconds: number;
  /** GET /api/client/availability is polled by every customer's beacon: one count per instance per 5 s. */
  availabilityCache: { at: number; count: number } | undefined;
  /** SPEC §13: a chat request comes from the genuine app. */
  appCheck: AppCheckGate;
  /** Keys the free-trial ledger's phone and device hashes. */
  piiHashKey: string;
}

/** The adapters only the pairing function uses, built by its composition (functions/pairing/app.ts). */
export interface PairingAdapters {
  appCheck: AppCheckGate;
}

export const pairingDeps = (rt: Platform, adapters: PairingAdapters): PairingDeps => ({
  ...featureDeps(rt),
  blastTopic: rt.env.PUBSUB_PAIRING_TOPIC,
  heartbeatCadenceSeconds: rt.env.MITRA_HEARTBEAT_CADENCE_SECONDS,
  availabilityCache: undefined,
  appCheck: adapters.appCheck,
  piiHashKey: piiHashKey(rt.env),
});
