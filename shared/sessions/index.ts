/** Sessions and chat (SPEC §7): the session state machine, messages, extensions, goodbyes, feedback. */
export {
  adminSession,
  listSessions as listSessionsForAdmin,
  liveSessionCounts,
  sessionFiguresSql,
  sessionParts,
  transcriptPage,
  type AdminSessionRow,
  type SessionFilter,
  type TranscriptRow,
} from './admin-queries';
export * from './admin-reports';
export { answerExtension } from './answer-extension';
export { sessionsDeps, type SessionsDeps } from './deps';
export { endSessionByOperator, endSessionsOfUser, type OperatorReason } from './end-by-operator';
export { endEarly } from './end-early';
export { latestExtensionOf, type ExtensionRow } from './extensions-repo';
export { flipSensitivity } from './flip-sensitivity';
export { getSession } from './get-session';
export { listMessages } from './list-messages';
export { currentSessions, listSessions } from './list-sessions';
export { markReceipts } from './mark-receipts';
export { sessionMirrorEntries } from './mirror';
export { messageDocPath, mitraSessionDocPath, SESSION_PATHS, sessionDocPath, typingDocPath } from './paths';
export { sessionPaymentHooks } from './payment-hooks';
export { postGoodbye } from './post-goodbye';
export { rateSession } from './rate-session';
export {
  CAPACITY_STATUSES,
  capacityUsed,
  findSession,
  hasUsedFreeTrial,
  liveSessionOfCustomer,
  type SessionRow,
} from './repo';
export { reportSession } from './report-session';
export { requestExtension } from './request-extension';
export { sendMessage } from './send-message';
export { setTyping } from './set-typing';
export { startSession, type SessionStart } from './start-session';
export { syncCounters } from './sync-counters';
export { closingGraceEnded, expireSession, extensionTimedOut, extensionWindowClosed } from './timers';
export { moveSession, TRANSITIONS, type TransitionName } from './transitions';
export type { Sensitivity, SessionStatus, Side } from './types';
