import type { AppCheckGate } from '../auth';
import { configReader } from '../config';
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

/**
 * What the re-offer hooks need (reoffer.ts), for the other functions' compositions: they offer waiting
 * requests but never take one, so they hold neither App Check nor the PII hash key.
 */
export const reofferDeps = (rt: Platform): Pick<PairingDeps, 'config' | 'blastTopic'> => ({
  config: configReader(rt),
  blastTopic: rt.env.PUBSUB_PAIRING_TOPIC,
});
