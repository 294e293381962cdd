/** The control center's use cases (SPEC §9): dashboards, lists, operator actions, audit. */
export { listAudit } from './audit';
export { AUDIT_KINDS, type AuditKind } from './audit-kinds';
export { banCustomer, unbanCustomer } from './ban-customer';
export { dashboard, DASHBOARD_TIMEZONE, jakartaDay } from './dashboard';
export { controlCenterDeps, type ControlCenterDeps } from './deps';
export { listCcUsersForCc } from './list-cc-users';
export { listCustomersForCc, type CustomerStatus } from './list-customers';
export { listMitrasForCc, type ListMitrasInput } from './list-mitras';
export { listReportsForCc } from './list-reports';
export { listSessionsForCc } from './list-sessions';
export { MAX_RANGE_DAYS, mitraActivity, mitraActivityLogFor } from './mitra-activity';
export { readTranscript } from './read-transcript';
export { registerMitra } from './register-mitra';
export { reviewReport } from './review-report';
export { sessionDetail } from './session-detail';
export { updateMitra } from './update-mitra';
export { percent } from './views';
