import { createRouter } from '../../../shared/http/function-app';
import { jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { type ConfigDeps, publicConfigView } from '../../../shared/config';
import { PublicConfigSchema } from '../schemas';

export const publicConfigRoute = defineRoute(access.public, {
  method: 'get',
  path: '/api/shared/config',
  operationId: 'getPublicConfig',
  tags: ['config'],
  summary: 'What the apps need (no limits, no secrets). ETag + If-None-Match → 304.',
  responses: {
    200: jsonResponse('Public config', PublicConfigSchema),
    304: { description: 'Unchanged' },
  },
});

const matches = (ifNoneMatch: string | undefined, etag: string) =>
  !!ifNoneMatch &&
  ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .includes(etag);

export function publicConfigRoutes(deps: ConfigDeps) {
  return createRouter().openapi(publicConfigRoute, async (c) => {
    const { body, etag } = await publicConfigView(deps);
    c.header('ETag', etag);
    // Always revalidate: a 304 is cheap and operators' changes must show within seconds.
    c.header('Cache-Control', 'no-cache');
    if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    return c.json(body, 200);
  });
}
