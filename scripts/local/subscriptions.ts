import type { Env } from '../../shared/env';
import { PAIRING_PATHS } from '../../shared/pairing';
import { SAFETY_PATHS } from '../../shared/safety';

/** Pub/Sub push subscriptions: topic → the private route that receives the push. Terraform mirrors this. */
export function subscriptions(env: Env) {
  return [
    { name: `${env.PUBSUB_PAIRING_TOPIC}-push`, topic: env.PUBSUB_PAIRING_TOPIC, path: PAIRING_PATHS.blast },
    { name: `${env.PUBSUB_SCREENING_TOPIC}-push`, topic: env.PUBSUB_SCREENING_TOPIC, path: SAFETY_PATHS.screen },
  ];
}
