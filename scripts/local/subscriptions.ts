import type { Env } from '../../shared/env';
import { PAIRING_PATHS } from '../../shared/pairing';

/** Pub/Sub push subscriptions: topic → the private route that receives the push. Terraform mirrors this. */
export function subscriptions(env: Env) {
  return [{ name: `${env.PUBSUB_PAIRING_TOPIC}-push`, topic: env.PUBSUB_PAIRING_TOPIC, path: PAIRING_PATHS.blast }];
}
