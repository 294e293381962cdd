import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderEnvExample } from '../../scripts/env-example';
import { ENV_SPEC } from '../../shared/env';

describe('.env.example', () => {
  it('is generated from the env spec: every variable once, its default, one line of meaning', () => {
    const rendered = renderEnvExample();
    if (process.env.UPDATE_ENV_EXAMPLE === '1') writeFileSync('.env.example', rendered);
    expect(readFileSync('.env.example', 'utf8')).toBe(rendered);
    const listed = [...rendered.matchAll(/^# ([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
    for (const name of Object.keys(ENV_SPEC)) expect(listed.filter((l) => l === name)).toHaveLength(1);
    const byName = Object.fromEntries(rendered.split('\n').map((l) => [/^# ([A-Z0-9_]+)=/.exec(l)?.[1], l]));
    expect(byName.ACCESS_TOKEN_TTL_SECONDS).toMatch(/^# ACCESS_TOKEN_TTL_SECONDS=3600 +# access-token lifetime$/);
    expect(byName.ENABLE_TEST_ROUTES).toMatch(/^# ENABLE_TEST_ROUTES=false +# .*\(npm start: true\)$/);
    for (const name of Object.keys(ENV_SPEC)) expect(byName[name]).toMatch(/ # \S/);
  });

  it('is loadable as a .env file and sets nothing until a line is uncommented', () => {
    const before = { ...process.env };
    process.loadEnvFile('.env.example');
    expect(process.env).toEqual(before);
  });
});
