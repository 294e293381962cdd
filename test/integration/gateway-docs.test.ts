import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectOfflineDocs } from '../helpers/docs-page';
import { useTestStack } from '../helpers/runtime';

const stack = useTestStack({ perFile: true });

describe('the base URL’s documents', () => {
  it('serves /docs and everything it loads from this machine alone', async () => {
    const s = stack();
    const loaded = await expectOfflineDocs('http://127.0.0.1', (url) => s.request(new URL(url).pathname));
    expect(loaded).toEqual(expect.arrayContaining(['/docs/redoc.js', '/openapi.json']));
    // What the bundle would fetch by itself at run time: its attribution logo, and its telemetry (off).
    expect(await (await s.request('/docs/redoc.js')).text()).not.toContain('cdn.redoc.ly');
    expect(await (await s.request('/docs')).text()).toContain('disableTelemetry: true');
  });

  it('serves docs/asyncapi.yaml beside /openapi.json', async () => {
    const res = await stack().request('/asyncapi.yaml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/yaml/);
    expect(await res.text()).toBe(readFileSync('docs/asyncapi.yaml', 'utf8'));
  });
});
