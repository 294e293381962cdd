/** The private routes Cloud Tasks and Pub/Sub push call for pairing (the outbox names them when it enqueues). */
export const PAIRING_PATHS = {
  blast: '/events/pairing/blast',
  requestTimeout: '/tasks/pairing/request-timeout',
  notificationTimeout: '/tasks/pairing/notification-timeout',
  wave: '/tasks/pairing/wave',
  queueMoved: '/tasks/pairing/queue-moved',
  sweep: '/tasks/pairing/sweep-stale',
} as const;

/** Firestore documents pairing mirrors (plain user ids; the rules map Firebase uids c_/m_ to them). */
export const offerDocPath = (mitraId: string, requestId: string) => `mitras/${mitraId}/offers/${requestId}`;
export const pairingDocPath = (customerId: string) => `customers/${customerId}/pairing/current`;
