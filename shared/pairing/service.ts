// Transitional: functions/session/app.ts still imports SESSION_EXPIRE_PATH from here. Delete this file once
// it imports from shared/pairing/paths.ts (or defines its own); pairing's use cases live one per file beside it.
export { SESSION_EXPIRE_PATH } from './paths';
