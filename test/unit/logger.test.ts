import { describe, expect, it } from 'vitest';
import { createLogger, parseTraceContext, REDACTED, redact, traceFields } from '../../shared/logger';

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

describe('trace correlation', () => {
  const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

  it('reads W3C traceparent into Cloud Logging trace, spanId and sampled fields', () => {
    const h = new Headers({ traceparent: `00-${TRACE}-00f067aa0ba902b7-01` });
    expect(traceFields(h, 'halo-prod')).toEqual({
      'logging.googleapis.com/trace': `projects/halo-prod/traces/${TRACE}`,
      'logging.googleapis.com/spanId': '00f067aa0ba902b7',
      'logging.googleapis.com/trace_sampled': true,
    });
  });

  it('falls back to X-Cloud-Trace-Context and converts its decimal span id to 16 hex digits', () => {
    const fields = traceFields({ 'x-cloud-trace-context': `${TRACE}/12345;o=0` }, 'p');
    expect(fields).toEqual({
      'logging.googleapis.com/trace': `projects/p/traces/${TRACE}`,
      'logging.googleapis.com/spanId': '0000000000003039',
      'logging.googleapis.com/trace_sampled': false,
    });
    expect(parseTraceContext((n) => (n === 'x-cloud-trace-context' ? TRACE : undefined))).toEqual({
      traceId: TRACE,
      spanId: undefined,
      sampled: false,
    });
  });

  it('prefers traceparent when both are present, and ignores malformed or all-zero ids', () => {
    const both = { traceparent: `00-${TRACE}-00f067aa0ba902b7-00`, 'x-cloud-trace-context': `${'a'.repeat(32)}/1;o=1` };
    expect(parseTraceContext(both)?.traceId).toBe(TRACE);
    expect(traceFields({ traceparent: `00-${'0'.repeat(32)}-00f067aa0ba902b7-01` }, 'p')).toEqual({});
    expect(traceFields({ traceparent: 'garbage', 'x-cloud-trace-context': 'nope/1' }, 'p')).toEqual({});
    expect(traceFields({ 'x-cloud-trace-context': `${TRACE}/99999999999999999999` }, 'p')).toEqual({
      'logging.googleapis.com/trace': `projects/p/traces/${TRACE}`,
      'logging.googleapis.com/trace_sampled': false,
    });
    expect(traceFields({}, 'p')).toEqual({});
  });

  it('a child logger carries the trace fields and request id on every line, unredacted', () => {
    const lines: string[] = [];
    const log = createLogger('info', {}, (l) => lines.push(l)).child({
      ...traceFields({ traceparent: `00-${TRACE}-00f067aa0ba902b7-01` }, 'p'),
      request_id: TRACE,
    });
    log.info('request', { authorization: 'Bearer x' });
    expect(JSON.parse(lines[0]!)).toMatchObject({
      'logging.googleapis.com/trace': `projects/p/traces/${TRACE}`,
      'logging.googleapis.com/spanId': '00f067aa0ba902b7',
      request_id: TRACE,
      authorization: REDACTED,
    });
  });
});
