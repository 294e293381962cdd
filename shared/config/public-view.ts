import { createHash } from 'node:crypto';
import type { ConfigDeps } from './deps';
import { publicConfig } from './views';

/** The apps' view with a strong ETag over its exact bytes (304 is cheap; operators' changes show within seconds). */
export async function publicConfigView(deps: Pick<ConfigDeps, 'reader' | 'env'>) {
  const body = publicConfig(await deps.reader.get(), deps.env);
  const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
  return { body, etag };
}
