import { ENV_SECTIONS } from '../shared/env';
import { LOCAL_STACK_KNOBS } from './local/knobs';
import { LOCAL_DEFAULTS } from './local/stack';

const HEADER = `# Every variable the backend reads, its default and what it means: generated from the one spec,
# shared/env/index.ts, and held equal to it by test/unit/env-example.test.ts (after changing the spec:
# UPDATE_ENV_EXAMPLE=1 npx vitest run test/unit/env-example.test.ts).
# \`npm start\` needs none of them (it fills in its own local values, shown as "npm start: …").
# Copy to .env and uncomment a line to override it locally; in GCP, Terraform sets them.
`;

const COLUMN = 44;
const line = (setting: string, doc: string) => `${setting.padEnd(COLUMN - 1)} # ${doc}`;

/** A variable's default is what its rule makes of an unset variable; none for a required or optional one. */
function defaultOf(read: (raw: undefined) => unknown): string {
  try {
    const value = read(undefined);
    return value === undefined ? '' : String(value);
  } catch {
    return '';
  }
}

export function renderEnvExample(): string {
  const out = [HEADER];
  for (const [title, vars] of ENV_SECTIONS) {
    out.push(`# --- ${title} ---`);
    for (const [name, { read, doc: meaning }] of Object.entries(vars)) {
      const value = defaultOf(read);
      const local = LOCAL_DEFAULTS[name];
      const doc = `${meaning}${local !== undefined && local !== value ? ` (npm start: ${local})` : ''}`;
      out.push(line(`# ${name}=${value}`, doc));
    }
    out.push('');
  }
  out.push('# --- the local stack itself (npm start only) ---');
  for (const [name, knob] of Object.entries(LOCAL_STACK_KNOBS)) out.push(line(`# ${name}=${knob.default}`, knob.doc));
  return `${out.join('\n')}\n`;
}
