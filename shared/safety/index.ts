/** Safety screening (SPEC §15): every committed message screened, alerts for operators, crisis resources. */
export { safetyDeps, type SafetyDeps } from './deps';
export { PUBLISHED_DOCUMENTS, type CrisisResourcesDoc } from './documents';
export { listSafetyAlerts } from './list-alerts';
export { reviewSafetyAlertIn } from './review-alert';
export { safetyMirrorEntries } from './mirror';
export { SAFETY_PATHS, safetyDocPath } from './paths';
export { safetyFiguresSql, type AlertStatus, type SafetyAlertRow } from './repo/safety-alerts';
export { screenMessages } from './screen-messages';
export { screenText, type SafetyHit } from './screen';
export { safetyAlertView } from './views';
