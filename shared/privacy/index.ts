/** Privacy and data rights (SPEC §14): account deletion step by step, the data export, retention. */
export { privacyDeps, type PrivacyDeps } from './deps';
export { exportCustomerAccount, exportMitraAccount, type AccountExport } from './export-account';
export { privacyHooks, runReleaseHold, type ReleaseHoldTask } from './holds';
export { PRIVACY_PATHS } from './paths';
export { requestErasure, type ErasureRequester } from './request-erasure';
export { runRetention, type RetentionTask } from './retention';
export { runEraseStep, type EraseStepTask } from './run-step';
export { STEP_NAMES } from './steps';
