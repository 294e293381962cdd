import { allowedServiceAccounts, functionUrls, type Env } from '../../env';
import { googleOidcVerifier } from '../../security/oidc';
import { systemClock } from '../../clock';
import type { CoreAdapters } from '../core';
import { CloudTasksScheduler } from './cloud-tasks';
import { FcmPush } from './fcm';
import { PubSubEventBus } from './pubsub';

/** Production's adapters behind the ports every function uses: Cloud Tasks, Pub/Sub, FCM, Google's OIDC. */
export async function gcpAdapters({ env }: { env: Env }): Promise<CoreAdapters> {
  return {
    clock: systemClock,
    scheduler: new CloudTasksScheduler({
      projectId: env.GCP_PROJECT_ID,
      location: env.GCP_REGION,
      queue: env.TASKS_QUEUE,
      functionUrls: functionUrls(env),
      serviceAccountEmail: env.TASKS_INVOKER_SERVICE_ACCOUNT ?? '',
    }),
    eventBus: new PubSubEventBus(env.GCP_PROJECT_ID),
    push: new FcmPush(env.FIREBASE_PROJECT_ID ?? env.GCP_PROJECT_ID),
    oidc: googleOidcVerifier(env.OIDC_AUDIENCE, allowedServiceAccounts(env)),
  };
}
