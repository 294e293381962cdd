import { readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { errorsJson, errorsMarkdown } from '../../scripts/docs/errors';
import { MOBILE_PATH, MOBILE_SERVERS, mobileOpenApi } from '../../scripts/docs/mobile-openapi';
import { ERROR_CODES } from '../../shared/errors';
import { useTestStack } from '../helpers/runtime';

// The merged document is the contract the apps generate clients from. `npm run openapi` rewrites the
// committed copy (docs/openapi.json), the apps' part of it (docs/openapi.mobile.json), the error catalogue
// generated with it (docs/errors.md, docs/errors.json) and the TypeScript types the e2e tests call with.
const DOC_FILE = 'docs/openapi.json';
const MOBILE_FILE = 'docs/openapi.mobile.json';
const TYPES_FILE = 'test/generated/api.d.ts';
const update = process.env.UPDATE_OPENAPI === '1';

/** Writes the file under `npm run openapi`, then holds the committed copy to what was generated. */
function committed(file: string, text: string) {
  if (update) writeFileSync(file, text);
  expect(readFileSync(file, 'utf8'), `${file} is stale: run \`npm run openapi\``).toBe(text);
}
const jsonText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  $ref?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}
interface Operation {
  operationId?: string;
  security?: Array<Record<string, string[]>>;
  responses: Record<string, { content?: Record<string, { schema: Schema }>; 'x-error-codes'?: string[] }>;
}
type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

const stack = useTestStack({ perFile: true });
let doc: Doc;

function operations() {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  );
}

/** A free-form object: `{}` or an object schema that says nothing about its members. */
function freeForms(schema: Schema | undefined, where: string, seen = new Set<string>()): string[] {
  if (!schema) return [];
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    if (seen.has(name) || name === 'ErrorEnvelope') return [];
    seen.add(name);
    return freeForms(doc.components.schemas[name], `${where}→${name}`, seen);
  }
  const found: string[] = [];
  const keys = Object.keys(schema).filter((k) => !['description', 'example', 'examples', 'title'].includes(k));
  const isObject = schema.type === 'object' || (Array.isArray(schema.type) && schema.type.includes('object'));
  if (keys.length === 0 || (isObject && !schema.properties && typeof schema.additionalProperties !== 'object')) {
    found.push(where);
  }
  for (const [k, v] of Object.entries(schema.properties ?? {})) found.push(...freeForms(v, `${where}.${k}`, seen));
  if (typeof schema.additionalProperties === 'object')
    found.push(...freeForms(schema.additionalProperties, `${where}{}`, seen));
  if (schema.items) found.push(...freeForms(schema.items, `${where}[]`, seen));
  for (const s of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    found.push(...freeForms(s, where, seen));
  }
  return found;
}

const PUBLIC = [
  /^\/healthz$/,
  /^\/api\/shared\/config$/,
  /^\/api\/shared\/auth\/(anonymous|refresh)$/,
  /^\/api\/(client|mitra)\/auth\/otp\//,
  /^\/api\/client\/auth\/(google|apple)$/,
  /^\/\.well-known\//,
  /^\/internal\/_test\//,
];

describe('the merged OpenAPI document', () => {
  it('is loaded', async () => {
    doc = (await (await stack().request('/openapi.json')).json()) as Doc;
    expect(Object.keys(doc.paths).length).toBeGreaterThan(40);
  });

  it('has a unique operationId on every operation', () => {
    const ids = operations().map(({ path, method, op }) => op.operationId ?? `MISSING ${method} ${path}`);
    expect(ids.filter((id) => id.startsWith('MISSING'))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('answers no free-form 2xx body', () => {
    const loose = operations().flatMap(({ path, method, op }) =>
      Object.entries(op.responses)
        .filter(([status]) => status.startsWith('2'))
        .flatMap(([status, r]) => freeForms(r.content?.['application/json']?.schema, `${method} ${path} ${status}`)),
    );
    expect(loose).toEqual([]);
  });

  it('documents the error envelope and its codes on every error response', () => {
    const bad = operations().flatMap(({ path, method, op }) =>
      Object.entries(op.responses)
        .filter(([status]) => Number(status) >= 400)
        // A degraded stack answers its health report, not an error.
        .filter(([status]) => !(path === '/healthz' && status === '503'))
        .filter(
          ([, r]) =>
            r.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ErrorEnvelope' ||
            !r['x-error-codes']?.length,
        )
        .map(([status]) => `${method} ${path} ${status}`),
    );
    expect(bad).toEqual([]);
  });

  it('declares security on every protected operation', () => {
    const missing = operations()
      .filter(({ path }) => !PUBLIC.some((p) => p.test(path)))
      .filter(({ op }) => !op.security?.some((req) => Object.keys(req).length > 0))
      .map(({ path, method }) => `${method} ${path}`);
    expect(missing).toEqual([]);
    const internal = operations().filter(
      ({ path }) => path.startsWith('/internal/') && !path.startsWith('/internal/_test/'),
    );
    expect(internal.filter(({ op }) => !op.security?.every((req) => 'iapAssertion' in req)).map((o) => o.path)).toEqual(
      [],
    );
  });

  it('declares no security on the test routes, which take none (SPEC §11)', () => {
    const declared = operations()
      .filter(({ path }) => path.startsWith('/internal/_test/'))
      .filter(({ op }) => op.security?.length !== 0)
      .map(({ method, path }) => `${method} ${path}`);
    expect(declared).toEqual([]);
  });

  it('documents the base URL’s /healthz as the stack answers it, and the answer matches', async () => {
    expect(doc.paths['/healthz']?.get?.operationId).toBe('stackHealth');
    // The contract checker validates the body against the document.
    expect((await stack().request('/healthz')).status).toBe(200);
  });

  it('is the committed docs/openapi.json, and the generated client types match it', async () => {
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    const types = astToString(await openapiTS(doc as never));
    if (update) {
      writeFileSync(TYPES_FILE, `// Generated from docs/openapi.json by \`npm run openapi\`. Do not edit.\n${types}`);
    }
    committed(DOC_FILE, text);
    expect(readFileSync(TYPES_FILE, 'utf8'), 'test/generated/api.d.ts is stale: run `npm run openapi`').toContain(
      types,
    );
  });

  it('has its mobile part committed: only the apps’ paths, what they reference, production servers', () => {
    const mobile = mobileOpenApi(doc as never);
    committed(MOBILE_FILE, jsonText(mobile));
    const paths = Object.keys(mobile.paths);
    expect(paths.filter((p) => !MOBILE_PATH.test(p))).toEqual([]);
    expect(paths.filter((p) => /^\/(internal|tasks|events|webhooks)\//.test(p))).toEqual([]);
    expect(paths).toEqual(Object.keys(doc.paths).filter((p) => MOBILE_PATH.test(p)));
    expect(mobile.servers).toEqual(MOBILE_SERVERS);
    // Every reference resolves inside the file, and nothing else rides along.
    const text = JSON.stringify(mobile);
    const refs = new Set([...text.matchAll(/"#\/components\/([^/"]+)\/([^"]+)"/g)].map((m) => `${m[1]}/${m[2]}`));
    const held = Object.entries(mobile.components).flatMap(([kind, entries]) =>
      Object.keys(entries).map((name) => `${kind}/${name}`),
    );
    expect([...refs].filter((r) => !held.includes(r))).toEqual([]);
    expect(held.filter((h) => !h.startsWith('securitySchemes/') && !refs.has(h))).toEqual([]);
    expect(Object.keys(mobile.components.securitySchemes ?? {})).toEqual(['bearerAuth']);
  });

  it('has the error catalogue committed for the apps: every code, each with an Indonesian message', () => {
    const json = errorsJson(doc as never);
    committed('docs/errors.json', jsonText(json));
    committed('docs/errors.md', errorsMarkdown(doc as never));
    expect(Object.keys(json.errors)).toEqual(ERROR_CODES);
    for (const [code, e] of Object.entries(json.errors)) {
      expect(e.messages.id.trim(), code).not.toBe('');
      expect(e.messages.id, `${code}: the Indonesian default is still the English text`).not.toBe(e.messages.en);
    }
    // What the apps call can answer a code only the apps' table lists.
    const appCodes = new Set(
      Object.entries(mobileOpenApi(doc as never).paths).flatMap(([, item]) =>
        Object.values(item).flatMap((op) =>
          Object.values((op as Operation).responses).flatMap((r) => r['x-error-codes'] ?? []),
        ),
      ),
    );
    const missing = [...appCodes].filter(
      (c) => !json.errors[c as keyof typeof json.errors]?.answered_by.includes('apps'),
    );
    expect(missing).toEqual([]);
  });
});
