/** Presence and pairing (SPEC §6): who is available, requests, offers, the one-winner accept. */
export { acceptRequest } from './accept-request';
export { availableMitraCount } from './availability';
export { cancelOpenRequestOf, cancelRequest } from './cancel-request';
export { createRequest, type ChatRequestInput, type RequestContext } from './create-request';
export { pairingDeps, reofferDeps, type PairingAdapters, type PairingDeps } from './deps';
export { PUBLISHED_DOCUMENTS } from './documents';
export { goOffline } from './go-offline';
export { goOnline } from './go-online';
export { handleBlast, type BlastMessage } from './handle-blast';
export { heartbeat } from './heartbeat';
export { pairingMirrorEntries } from './mirror';
export { notificationTimeout, type NotificationTimeoutTarget } from './notification-timeout';
export { offerDocPath, PAIRING_PATHS, pairingDocPath } from './paths';
export { pendingOffers } from './pending-offers';
export { QUEUE_STATUS, queueStatusDocs, refreshQueue } from './queue-status';
export { capacityRaisedHook, mitraFreedHook } from './reoffer';
export { rejectRequest } from './reject-request';
export { offeredRequestIdsPage, type NotificationStatus } from './repo/chat-request-notifications';
export {
  mitraActivityLog,
  mitraActivityPage,
  type ActivityLogRow,
  type ActivityRow,
} from './repo/chat-request-notifications.admin';
export { requestTimeout } from './request-timeout';
export { mitraStatus, type MitraStatus } from './status';
export { sweepStale } from './sweep-stale';
export { sendWave, type WaveTarget } from './waves';
export { withdrawOpenOffers } from './withdraw-offers';
