export const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
export const argStr = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
export const MITRAS = arg('mitras', 40);
export const REQUESTS = arg('requests', 8);
export const HEARTBEATS = arg('heartbeats', 400);
export const STATEMENT_LOOP = arg('statement-loop', 3000);
export const HTTP = !process.argv.includes('--no-http');
