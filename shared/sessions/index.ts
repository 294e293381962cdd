/** Sessions and chat (SPEC §7): the session state machine, messages, extensions, goodbyes, feedback. */
export { answerExtension } from './answer-extension';
export { sessionsDeps, type SessionsDeps } from './deps';
export { PUBLISHED_DOCUMENTS } from './documents';
export { endSessionByOperator, endSessionsOfUser, type OperatorReason } from './end-by-operator';
export { endEarly } from './end-early';
export { eraseOwnFeedback, releaseHeldSession, removeOwnMessageBodies, rewriteOwnSessions } from './erase-traces';
export { flipSensitivity } from './flip-sensitivity';
export { getSession } from './get-session';
export { listMessages } from './list-messages';
export { currentSessions, listSessions } from './list-sessions';
export { markReceipts } from './mark-receipts';
export { sessionMirrorEntries } from './mirror';
export { messageDocPath, mitraSessionDocPath, SESSION_PATHS, sessionDocPath, typingDocPath } from './paths';
export { sessionPaymentHooks } from './payment-hooks';
export { postGoodbye } from './post-goodbye';
export { purgeOldMessages } from './purge-old-messages';
export { rateSession } from './rate-session';
export { reportSession } from './report-session';
export { requestExtension } from './request-extension';
export { flagSessionForSafety } from './safety-flag';
export { sendMessage } from './send-message';
export type { ScreeningEvent } from './effects';
export { setTyping } from './set-typing';
export { startSession, type SessionStart } from './start-session';
export { sessionCounterDocs, SESSION_COUNTERS } from './counters';
export { MESSAGE_DOCS, messageDocs } from './message-docs';
export { MESSAGE_PUSHES, messagePushes } from './message-pushes';
export { closingGraceEnded, expireSession, extensionTimedOut, extensionWindowClosed, paymentHoldEnded } from './timers';
export { moveSession, TRANSITIONS, type TransitionName } from './transitions';
export { unpaidCooldownSeconds } from './unpaid-cooldown';
export type { Sensitivity, SessionStatus, Side } from './types';
export {
  CAPACITY_STATUSES,
  capacityUsed,
  findSession,
  liveSessionIdsOf,
  liveSessionOfCustomer,
} from './repo/chat-sessions';
export { currentSafetyNotices } from './repo/chat-sessions.safety';
export { hasUsedFreeTrial } from './repo/chat-sessions.customer';
export {
  adminSession,
  listSessionsForAdmin,
  liveSessionCounts,
  sessionFiguresSql,
  type AdminSessionRow,
  type SessionFilter,
} from './repo/chat-sessions.admin';
export {
  messagesToScreen,
  transcriptPage,
  type MessageRow,
  type RemovedReason,
  type TranscriptRow,
} from './repo/chat-messages';
export { ownMessagesIn } from './repo/chat-messages.privacy';
export { sessionIdsPage, sessionsOf } from './repo/chat-sessions.privacy';
export { ratingsOf, type RatingRow } from './repo/session-ratings';
export {
  findReport,
  FLAG_THRESHOLD,
  OPEN_REPORT_STATUSES,
  reportsFiledBy,
  flaggedUserIds,
  listReports,
  pendingReportCounts,
  reportFiguresSql,
  reportsOfSession,
  setReportReview,
  type ReportRow,
  type ReportStatus,
} from './repo/reports';
export { latestExtensionOf, type ExtensionRow } from './repo/session-extensions';
export { sessionParts } from './session-parts';
export type { SessionRow } from './types';
