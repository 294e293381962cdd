import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { HttpBindings } from '@hono/node-server';
import { backlogAgeSeconds, deadLetters } from '../../shared/outbox';
import { API_VERSION } from '../../shared/http/function-app';
import { jsonResponse } from '../../shared/http/openapi';
import { access, defineRoute } from '../../shared/http/route';
import { FUNCTION_NAMES } from '../../shared/path-table';
import type { Runtime } from '../../shared/runtime';
import { asyncApiYaml } from '../docs/asyncapi';
import { keepReferenced } from '../docs/openapi-refs';

type App = { fetch: (req: Request, env?: HttpBindings) => Response | Promise<Response> };

interface OpenApiDoc {
  paths?: Record<string, unknown>;
  components?: Record<string, Record<string, unknown>>;
}

const UpOrDown = z.enum(['ok', 'down']);
const GatewayHealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    functions: z.object(
      Object.fromEntries(FUNCTION_NAMES.map((f) => [f, UpOrDown])) as Record<string, typeof UpOrDown>,
    ),
    dependencies: z.object({ postgres: UpOrDown, firestore: UpOrDown }),
    outbox: z
      .object({ dead_letters: z.number().int().min(0), oldest_pending_age_seconds: z.number().int().min(0) })
      .nullable()
      .openapi({ description: 'null when the outbox could not be read' }),
  })
  .openapi('StackHealth');

export const stackHealthRoute = defineRoute(access.public, {
  method: 'get',
  path: '/healthz',
  operationId: 'stackHealth',
  summary: 'Every function and dependency of the local stack (a function alone answers FunctionHealth)',
  tags: ['ops'],
  responses: {
    200: jsonResponse('Everything is up', GatewayHealthSchema),
    503: jsonResponse('Something is down: the same report, with `status: degraded`', GatewayHealthSchema),
  },
});

/** The base URL's own routes, documented like a function's: the merged document describes them too. */
export function gatewayApp(apps: Record<string, App>, rt: Runtime) {
  return new OpenAPIHono<{ Bindings: HttpBindings }>().openapi(stackHealthRoute, async (c) => {
    const functions: Record<string, 'ok' | 'down'> = {};
    for (const [name, app] of Object.entries(apps)) {
      const res = await Promise.resolve(app.fetch(new Request('http://local/healthz'))).catch(() => undefined);
      functions[name] = res?.status === 200 ? 'ok' : 'down';
    }
    const up = (p: Promise<unknown>) =>
      p.then(
        () => 'ok' as const,
        () => 'down' as const,
      );
    const dependencies = {
      postgres: await up(rt.db.query('SELECT 1')),
      firestore: await up(rt.realtime.get('_health/ping')),
    };
    const ok = [...Object.values(functions), ...Object.values(dependencies)].every((s) => s === 'ok');
    // Dead letters do not make the stack unhealthy, but they must be seen (and are logged when they die).
    const outbox = await Promise.all([deadLetters(rt.db), backlogAgeSeconds(rt.db)]).then(
      ([dead, age]) => ({ dead_letters: dead, oldest_pending_age_seconds: Math.round(age) }),
      () => null,
    );
    const body = { status: ok ? ('ok' as const) : ('degraded' as const), functions, dependencies, outbox };
    return ok ? c.json(body, 200) : c.json(body, 503);
  });
}

async function docOf(app: App): Promise<OpenApiDoc> {
  return (await (await app.fetch(new Request('http://local/openapi.json'))).json()) as OpenApiDoc;
}

/**
 * Every function's document in one: the API the load balancer serves on one base URL. The gateway's
 * own document comes last, so its `/healthz` (the whole stack's) replaces the functions' own.
 */
export async function mergedOpenApi(
  apps: Record<string, App>,
  testRoutes?: App,
  gateway?: { getOpenAPI31Document: OpenAPIHono['getOpenAPI31Document'] },
) {
  const paths: Record<string, unknown> = {};
  const components: Record<string, Record<string, unknown>> = {};
  const docs = await Promise.all([...Object.values(apps), ...(testRoutes ? [testRoutes] : [])].map(docOf));
  if (gateway)
    docs.push(
      gateway.getOpenAPI31Document({
        openapi: '3.1.0',
        info: { title: 'gateway', version: API_VERSION },
      }) as OpenApiDoc,
    );
  for (const doc of docs) {
    Object.assign(paths, doc.paths ?? {});
    for (const [kind, entries] of Object.entries(doc.components ?? {})) {
      components[kind] = { ...components[kind], ...entries };
    }
  }
  const sorted = Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b)));
  // A function's schema only its replaced path used (FunctionHealth) is not part of the merged API.
  if (components.schemas) components.schemas = keepReferenced(sorted, components, 'schemas');
  return {
    openapi: '3.1.0',
    info: {
      title: 'Halo Bestie API',
      version: API_VERSION,
      description: 'Every function behind the load balancer. Errors always answer the ErrorEnvelope.',
    },
    servers: [{ url: 'http://127.0.0.1:8080', description: 'npm start' }],
    paths: sorted,
    components,
  };
}

const require = createRequire(import.meta.url);
/**
 * Redoc's browser bundle as @redocly/cli ships it (what its `build-docs --inlineBundle` embeds): served
 * from node_modules, so the reference page needs no CDN.
 */
export const REDOC_BUNDLE = path.join(
  path.dirname(require.resolve('@redocly/cli/package.json')),
  'lib/chunks/redoc.standalone.js',
);

const DOCS_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Halo Bestie API</title>
    <style>body { margin: 0; padding: 0; }</style>
  </head>
  <body>
    <div id="redoc"></div>
    <script type="module">
      import { init } from '/docs/redoc.js';
      init('/openapi.json', { disableTelemetry: true }, document.getElementById('redoc'));
    </script>
  </body>
</html>
`;

/**
 * The one thing the bundle loads from a CDN by itself is the sidebar's "API docs by Redocly" logo: it
 * becomes an empty inline image (the link and its text stay), so the page asks no other host for anything.
 * Its telemetry is off through `disableTelemetry` in DOCS_PAGE.
 */
const EMPTY_SVG = 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E';
const offline = (bundle: string) =>
  bundle.replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg/g, EMPTY_SVG);

/** `/openapi.json`, `/asyncapi.yaml` and the reference page, all from this machine. */
export function docRoutes(openApi: () => Promise<unknown>) {
  let bundle: Promise<string> | undefined;
  return new OpenAPIHono<{ Bindings: HttpBindings }>()
    .get('/openapi.json', async (c) => c.json(await openApi()))
    .get('/asyncapi.yaml', async (c) => c.body(await asyncApiYaml(), 200, { 'content-type': 'application/yaml' }))
    .get('/docs', (c) => c.html(DOCS_PAGE))
    .get('/docs/redoc.js', async (c) => {
      bundle ??= readFile(REDOC_BUNDLE, 'utf8').then(offline);
      return c.body(await bundle, 200, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=3600',
      });
    });
}
