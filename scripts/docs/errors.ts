import { ERROR_ACTIONS, ERROR_CATALOGUE, ERROR_CODES, type ErrorCode } from '../../shared/errors';
import { API_VERSION } from '../../shared/http/function-app';
import { statusOf } from '../../shared/http/error-status';

/**
 * docs/errors.md and docs/errors.json, generated from the catalogue (shared/errors/) and the merged
 * OpenAPI document (which routes list which codes): the apps localise from the JSON by code, and show
 * `error.message` (Indonesian) only for a code they do not know yet.
 */

type Surface = 'apps' | 'control_center' | 'platform';
interface OpenApiDoc {
  paths: Record<string, Record<string, { responses?: Record<string, { 'x-error-codes'?: string[] } | undefined> }>>;
}

const SURFACE_TEXT: Record<Surface, string> = {
  apps: 'the apps’ routes (`/api/client`, `/api/mitra`, `/api/shared`)',
  control_center: 'the control center (`/internal`)',
  platform: 'Google and providers (`/tasks`, `/events`, `/webhooks`, `/.well-known`, `/healthz`)',
};

function surfaceOf(path: string): Surface | undefined {
  if (path.startsWith('/internal/_test/') || path.startsWith('/tasks/_')) return undefined; // local stack only
  if (/^\/api\/(client|mitra|shared)\//.test(path)) return 'apps';
  if (path.startsWith('/internal/')) return 'control_center';
  return 'platform';
}

/** Which surfaces list each code; a code no route lists is answered by the router itself, anywhere. */
function surfaces(doc: OpenApiDoc): Map<ErrorCode, Set<Surface>> {
  const found = new Map<ErrorCode, Set<Surface>>(ERROR_CODES.map((c) => [c, new Set()]));
  for (const [path, item] of Object.entries(doc.paths)) {
    const surface = surfaceOf(path);
    if (!surface) continue;
    for (const op of Object.values(item)) {
      for (const r of Object.values(op.responses ?? {})) {
        for (const code of r?.['x-error-codes'] ?? []) found.get(code as ErrorCode)?.add(surface);
      }
    }
  }
  for (const set of found.values()) if (set.size === 0) for (const s of ['apps', 'control_center'] as const) set.add(s);
  return found;
}

export function errorsJson(doc: OpenApiDoc) {
  const where = surfaces(doc);
  return {
    $comment: 'Generated from shared/errors/ by `npm run openapi`. Do not edit.',
    version: API_VERSION,
    languages: ['id', 'en'],
    actions: ERROR_ACTIONS,
    errors: Object.fromEntries(
      ERROR_CODES.map((code) => {
        const e = ERROR_CATALOGUE[code];
        return [
          code,
          {
            status: statusOf(code),
            action: e.action,
            messages: { id: e.message, en: e.en },
            means: e.means,
            answered_by: (['apps', 'control_center', 'platform'] as const).filter((s) => where.get(code)!.has(s)),
          },
        ];
      }),
    ),
  };
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function errorsMarkdown(doc: OpenApiDoc): string {
  const json = errorsJson(doc);
  const rows = (filter: (s: Surface[]) => boolean) =>
    Object.entries(json.errors)
      .filter(([, e]) => filter(e.answered_by))
      .map(
        ([code, e]) =>
          `| \`${code}\` | ${e.status} | ${e.action} | ${cell(e.messages.id)} | ${cell(e.messages.en)} | ${cell(e.means)} |`,
      );
  const head =
    '| Code | Status | Action | Message (id, the default) | Message (en) | What it means |\n| --- | --- | --- | --- | --- | --- |';
  return [
    '# Error codes',
    '',
    'Generated from `shared/errors/` by `npm run openapi`; a test keeps it current. The same data, for',
    'the apps to localise from: [errors.json](errors.json).',
    '',
    'Every error answers `{"error": {"code", "message", "details", "request_id"}}` (SPEC §3). `message` is',
    'Indonesian: the default below, or a more precise sentence from the route. An app shows its own text for',
    'the code (from errors.json) and falls back to `message` for a code it does not know. `request_id` (also',
    'the `X-Request-Id` header) finds the request in the logs: show it in a support dialog. Which codes a route',
    'can answer is in its OpenAPI responses (`x-error-codes`, [openapi.mobile.json](openapi.mobile.json)).',
    '',
    '## What the app does',
    '',
    '| Action | The app |',
    '| --- | --- |',
    ...Object.entries(ERROR_ACTIONS).map(([action, text]) => `| ${action} | ${cell(text)} |`),
    '',
    `## Codes the apps can receive`,
    '',
    `Listed by ${SURFACE_TEXT.apps}, or answered by the router on any route.`,
    '',
    head,
    ...rows((s) => s.includes('apps')),
    '',
    '## Codes only the control center and the platform see',
    '',
    `Listed only by ${SURFACE_TEXT.control_center} or ${SURFACE_TEXT.platform}.`,
    '',
    head,
    ...rows((s) => !s.includes('apps')),
    '',
  ].join('\n');
}
