import { z } from '@hono/zod-openapi';
import {
  configAudit,
  type ConfigDeps,
  internalConfigView,
  patchConfigSection,
  SECTION_NAMES,
  sectionBodyError,
} from '../../../shared/config';
import { validationError } from '../../../shared/http/error-handler';
import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { ListQuery } from '../../../shared/http/schemas';
import { ConfigAuditPageSchema, ConfigPatchResultSchema, ConfigPatchSchema, InternalConfigSchema } from '../schemas';

const tags = ['config: control center'];

export const internalConfigRoute = defineRoute(access.permission('settings:read'), {
  method: 'get',
  path: '/internal/config',
  operationId: 'getInternalConfig',
  summary: 'Every setting beside its default and the env-derived bounds',
  tags,
  responses: {
    200: jsonResponse('DB values and defaults beside the env-derived values and bounds', InternalConfigSchema),
  },
});

export const configAuditRoute = defineRoute(access.permission('settings:read'), {
  method: 'get',
  path: '/internal/config/audit',
  operationId: 'listConfigAudit',
  summary: 'Settings changes, newest first',
  tags,
  request: { query: ListQuery },
  responses: { 200: jsonResponse('Audit entries, newest first', ConfigAuditPageSchema) },
});

/**
 * Documented as an enum; validated in the use case so an unknown section stays a 404 (a missing
 * resource), while a known one's body errors name that section's own fields.
 */
const SectionParam = z.object({
  section: z.string().openapi({ param: { name: 'section', in: 'path' }, enum: SECTION_NAMES, example: 'free-trial' }),
});

export const patchConfigRoute = defineRoute(access.permission('settings:update'), {
  method: 'patch',
  path: '/internal/config/{section}',
  operationId: 'patchConfigSection',
  tags,
  summary: 'Change one settings section: any non-empty subset of its keys, each replaced whole; audited',
  request: { params: SectionParam, ...jsonBody(ConfigPatchSchema) },
  responses: { 200: jsonResponse('Stored (or unchanged)', ConfigPatchResultSchema) },
  errors: ['NOT_FOUND', 'CONFIG_OUT_OF_BOUNDS'],
});

export function internalConfigRoutes(deps: ConfigDeps) {
  return createRouter()
    .openapi(internalConfigRoute, async (c) => c.json(await internalConfigView(deps), 200))
    .openapi(configAuditRoute, async (c) => {
      const q = c.req.valid('query');
      return c.json(await configAudit(deps, q.limit, q.cursor), 200);
    })
    .openapi(
      patchConfigRoute,
      async (c) =>
        c.json(
          await patchConfigSection(deps, c.req.valid('param').section, c.req.valid('json'), c.var.principal.userId),
          200,
        ),
      // The union's issues say little; the section named in the path says which of its fields failed.
      (result, c) => {
        if (!result.success && result.target === 'json') {
          throw sectionBodyError(c.req.param('section') ?? '', (result as { data?: unknown }).data);
        }
        if (!result.success) throw validationError(result.error);
        return undefined;
      },
    );
}
