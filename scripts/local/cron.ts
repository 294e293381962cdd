import { PAIRING_PATHS } from '../../shared/pairing';
import { PAYMENT_PATHS } from '../../shared/payments';
import { PRIVACY_PATHS } from '../../shared/privacy';

/** Cloud Scheduler jobs: Terraform declares them in GCP; the local stack fires them from its clock. */
export const CRON_JOBS = [
  { name: 'outbox-drain', path: '/tasks/outbox/drain', everySeconds: 60 },
  { name: 'pairing-sweep', path: PAIRING_PATHS.sweep, everySeconds: 60 },
  { name: 'payments-reconcile', path: PAYMENT_PATHS.reconcile, everySeconds: 600 },
  { name: 'privacy-retention', path: PRIVACY_PATHS.retention, everySeconds: 86_400 },
] as const;
