import type { LocalControls } from '../../../shared/adapters/local/controls';
import { AppError } from '../../../shared/errors';

/** The local stack's controls, or a 404 where the runtime has none (test routes on a GCP runtime). */
export function localControls(rt: { local?: LocalControls }): LocalControls {
  if (!rt.local) throw new AppError('NOT_FOUND', 'Hanya tersedia di stack lokal');
  return rt.local;
}
