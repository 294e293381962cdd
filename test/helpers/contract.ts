import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

interface Operation {
  operationId?: string;
  responses?: Record<string, { content?: Record<string, { schema?: unknown }>; 'x-error-codes'?: string[] }>;
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: Record<string, unknown>;
}

export class ContractViolation extends Error {
  override name = 'ContractViolation';
}

/** The base URL's documents and reference page: not API operations. Its /healthz is one (stackHealth). */
const GATEWAY_PATHS = new Set(['/openapi.json', '/asyncapi.yaml', '/docs', '/docs/redoc.js']);

/**
 * Checks a live answer against the merged OpenAPI document: the operation must document the status,
 * the body must match that status's schema, and an error's code must be one the response lists.
 */
export class ContractChecker {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly routes: Array<{ method: string; pattern: RegExp; path: string; op: Operation }> = [];
  private readonly validators = new Map<string, ValidateFunction>();
  readonly seen = new Map<string, Set<string>>();

  constructor(private readonly doc: OpenApiDoc) {
    (addFormats as unknown as (a: Ajv2020) => void)(this.ajv);
    this.ajv.addSchema({ $id: 'doc', components: doc.components ?? {} });
    for (const [path, item] of Object.entries(doc.paths)) {
      const clean = path.replace(/#.*$/, '');
      const pattern = new RegExp(`^${clean.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
      for (const [method, op] of Object.entries(item)) this.routes.push({ method, pattern, path, op });
    }
    // Literal paths win over templated ones (e.g. /sessions/active before /sessions/{id}).
    this.routes.sort((a, b) => Number(a.path.includes('{')) - Number(b.path.includes('{')));
  }

  private validator(key: string, schema: unknown): ValidateFunction {
    let v = this.validators.get(key);
    if (!v) {
      const rewritten = JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"doc#/components/'));
      v = this.ajv.compile(rewritten);
      this.validators.set(key, v);
    }
    return v;
  }

  /** Throws a ContractViolation describing the first mismatch; returns the operation id it matched. */
  async check(method: string, url: string, res: Response): Promise<string | undefined> {
    const path = new URL(url, 'http://x').pathname;
    if (GATEWAY_PATHS.has(path)) return undefined;
    const m = method.toLowerCase();
    const route = this.routes.find((r) => r.method === m && r.pattern.test(path));
    const status = res.status;
    const body = await readJson(res);
    const where = `${method} ${path} → ${status}`;
    if (!route) {
      if (status !== 404 && status !== 405 && status !== 400)
        throw new ContractViolation(`${where}: no such operation`);
      assertEnvelope(where, body);
      return undefined;
    }
    const id = route.op.operationId ?? `${m} ${route.path}`;
    (this.seen.get(id) ?? this.seen.set(id, new Set()).get(id)!).add(String(status));
    const response = route.op.responses?.[String(status)];
    if (!response) throw new ContractViolation(`${where}: status not documented for ${id} (${bodyHint(body)})`);
    const schema = response.content?.['application/json']?.schema;
    if (schema) {
      const validate = this.validator(`${id}:${status}`, schema);
      if (!validate(body)) {
        throw new ContractViolation(
          `${where}: body does not match ${id}: ${this.ajv.errorsText(validate.errors)}; got ${bodyHint(body)}`,
        );
      }
    } else if (body !== undefined && status !== 204 && status !== 304) {
      throw new ContractViolation(`${where}: body not documented for ${id}`);
    }
    const codes = response['x-error-codes'];
    if (status >= 400 && codes) {
      const code = (body as { error?: { code?: string } })?.error?.code;
      if (!code || !codes.includes(code))
        throw new ContractViolation(`${where}: code ${code} not in [${codes.join(', ')}] of ${id}`);
    }
    return id;
  }
}

function assertEnvelope(where: string, body: unknown) {
  const e = (body as { error?: { code?: unknown; message?: unknown } })?.error;
  if (!e || typeof e.code !== 'string' || typeof e.message !== 'string') {
    throw new ContractViolation(`${where}: not the error envelope: ${bodyHint(body)}`);
  }
}

async function readJson(res: Response): Promise<unknown> {
  if (!res.headers.get('content-type')?.includes('json')) {
    const text = await res.clone().text();
    return text === '' ? undefined : text;
  }
  return res.clone().json();
}

const bodyHint = (body: unknown) => JSON.stringify(body)?.slice(0, 300);
