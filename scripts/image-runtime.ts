import { readFileSync } from 'node:fs';

/**
 * How the image starts node, read from the Dockerfile itself so that what measures a cold start
 * (bench/cold-start.bench.ts) starts bundles exactly as Cloud Run will: the ENTRYPOINT's flags, and
 * whether a compile cache is baked in.
 */
export function imageNodeRuntime(dockerfile = readFileSync('Dockerfile', 'utf8')): {
  args: string[];
  compileCache: boolean;
} {
  const entrypoint = /^ENTRYPOINT\s+(\[.*\])\s*$/m.exec(dockerfile)?.[1];
  if (!entrypoint) throw new Error('Dockerfile has no exec-form ENTRYPOINT');
  const [node, ...args] = JSON.parse(entrypoint) as string[];
  if (node !== 'node') throw new Error(`Dockerfile ENTRYPOINT starts with ${node}, not node`);
  return { args, compileCache: /^ENV\s+NODE_COMPILE_CACHE=/m.test(dockerfile) };
}
