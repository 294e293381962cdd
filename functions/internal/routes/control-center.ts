import { type ControlCenterDeps } from '../../../shared/controlcenter';
import { createRouter } from '../../../shared/http/function-app';
import { auditRoutes } from './audit';
import { customerRoutes } from './customers';
import { dashboardRoutes } from './dashboard';
import { mitraActivityRoutes } from './mitra-activity';
import { mitraRoutes } from './mitras';
import { reportRoutes } from './reports';
import { sessionRoutes } from './sessions';
import { transcriptRoutes } from './transcript';

/** Every control-center resource of SPEC §9 served by the internal function (CC users live in auth). */
export function controlCenterRoutes(deps: ControlCenterDeps) {
  return createRouter()
    .route('/', dashboardRoutes(deps))
    .route('/', mitraRoutes(deps))
    .route('/', mitraActivityRoutes(deps))
    .route('/', sessionRoutes(deps))
    .route('/', transcriptRoutes(deps))
    .route('/', customerRoutes(deps))
    .route('/', reportRoutes(deps))
    .route('/', auditRoutes(deps));
}
