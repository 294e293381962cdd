import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../generated/api';

/**
 * The stack as the apps see it: a client typed from the committed OpenAPI document, so a route whose
 * document drifts from what a test calls fails type-checking.
 */
export function apiClient(baseUrl: string, token?: string) {
  const client = createClient<paths>({ baseUrl });
  if (token) {
    const auth: Middleware = {
      onRequest({ request }) {
        request.headers.set('authorization', `Bearer ${token}`);
        return request;
      },
    };
    client.use(auth);
  }
  return client;
}

export type ApiClient = ReturnType<typeof apiClient>;
