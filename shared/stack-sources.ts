import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Rewrites the bundle positions in a stack trace to the TypeScript they came from, using the bundle's
 * `.map` file, read once and only when a stack is first logged. Node's `--enable-source-maps` does the
 * same for every stack but parses the whole map at start-up, a fifth of a cold start (docs/decisions.md
 * 37); errors are rare and cold starts are not. Frames without a map (tsx in `npm start`, node
 * internals, already mapped stacks) are left as they are.
 */
const FRAME = /((?:file:\/\/)?\/[^\s():]+\.[cm]?js):(\d+):(\d+)/g;
const maps = new Map<string, { map: SourceMap; dir: string } | undefined>();

function mapFor(file: string): { map: SourceMap; dir: string } | undefined {
  if (maps.has(file)) return maps.get(file);
  let map: { map: SourceMap; dir: string } | undefined;
  try {
    const filePath = file.startsWith('file://') ? fileURLToPath(file) : file;
    if (existsSync(`${filePath}.map`)) {
      const payload = JSON.parse(readFileSync(`${filePath}.map`, 'utf8')) as ConstructorParameters<typeof SourceMap>[0];
      map = { map: new SourceMap(payload), dir: path.dirname(filePath) };
    }
  } catch {
    map = undefined; // an unreadable map leaves the stack as it is
  }
  maps.set(file, map);
  return map;
}

export function sourceMappedStack(stack: string): string {
  return stack.replace(FRAME, (frame, file: string, line: string, column: string) => {
    const found = mapFor(file);
    if (!found) return frame;
    const entry = found.map.findEntry(Number(line) - 1, Number(column) - 1) as {
      originalSource?: string;
      originalLine?: number;
      originalColumn?: number;
    };
    if (!entry.originalSource || entry.originalLine === undefined || entry.originalColumn === undefined) return frame;
    const source = entry.originalSource.startsWith('file://')
      ? fileURLToPath(entry.originalSource)
      : path.resolve(found.dir, entry.originalSource);
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}
