import { describe, expect, it } from 'vitest';
import { createLogger, REDACTED, redact } from '../../shared/logger';

describe('logger', () => {
  it('writes Cloud Logging JSON lines with severity and message', () => {
    const lines: string[] = [];
    createLogger('info', { service: 's' }, (l) => lines.push(l)).warn('hello', { a: 1 });
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ severity: 'WARNING', message: 'hello', service: 's', a: 1 });
    expect(typeof entry.time).toBe('string');
  });

  it('drops entries under the threshold', () => {
    const lines: string[] = [];
    const log = createLogger('warn', {}, (l) => lines.push(l));
    log.info('no');
    log.debug('no');
    log.error('yes');
    expect(lines).toHaveLength(1);
  });

  it('redacts authorization, cookie, password, token and code fields at any depth', () => {
    const out = redact({
      headers: { Authorization: 'Bearer abc', cookie: 'cc_refresh_token=x' },
      body: { password: 'p', refresh_token: 'r', code: '123456', phone: '+62811' },
      list: [{ access_token: 't' }],
    });
    expect(out).toEqual({
      headers: { Authorization: REDACTED, cookie: REDACTED },
      body: { password: REDACTED, refresh_token: REDACTED, code: REDACTED, phone: '+62811' },
      list: [{ access_token: REDACTED }],
    });
  });

  it('never prints a secret passed in fields', () => {
    const lines: string[] = [];
    createLogger('debug', {}, (l) => lines.push(l)).info('login', { password: 'hunter2', nested: { token: 'zzz' } });
    expect(lines.join('')).not.toMatch(/hunter2|zzz/);
  });
});
