import { expect } from 'vitest';

/** Every URL an HTML page loads by itself: scripts, styles, module imports, images, the spec it renders. */
function pageReferences(html: string): string[] {
  const patterns = [
    /<script\b[^>]*\bsrc=["']([^"']+)["']/g,
    /<link\b[^>]*\bhref=["']([^"']+)["']/g,
    /<img\b[^>]*\bsrc=["']([^"']+)["']/g,
    /\bimport\b[^'"();]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /url\(\s*["']?([^"')]+)["']?\s*\)/g,
    /\binit\(\s*["']([^"']+)["']/g,
  ];
  return patterns.flatMap((p) => [...html.matchAll(p)].map((m) => m[1]!));
}

/** A module's own static imports (a bundle that imports from a CDN would need the internet). */
const staticImports = (js: string) => [...js.matchAll(/^\s*import\b[^'"]*?["']([^"']+)["']/gm)].map((m) => m[1]!);

/**
 * Fetches the reference page and everything it loads from `base`, and asserts nothing comes from another
 * host: `/docs` must work on a machine without internet (SPEC §11: embedded defaults, no cloud).
 */
export async function expectOfflineDocs(base: string, get: (url: string) => Promise<Response>) {
  const origin = new URL(base).origin;
  const page = await get(`${base}/docs`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  const refs = pageReferences(await page.text());
  expect(refs.length).toBeGreaterThan(1);
  const loaded: string[] = [];
  for (const ref of refs) {
    const url = new URL(ref, `${base}/docs`);
    expect(url.origin, `${ref} comes from another host`).toBe(origin);
    const res = await get(url.href);
    expect(res.status, url.pathname).toBe(200);
    if (/javascript/.test(res.headers.get('content-type') ?? '')) {
      const foreign = staticImports(await res.text()).filter((i) => new URL(i, url).origin !== origin);
      expect(foreign, `${url.pathname} imports from another host`).toEqual([]);
    } else {
      await res.arrayBuffer();
    }
    loaded.push(url.pathname);
  }
  return loaded;
}
