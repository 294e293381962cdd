import { describe, expect, it } from 'vitest';
import { generateSigningKeyPem } from '../../scripts/local/dev-keys';
import { parseEnv } from '../../shared/env';
import { createLogger, parseTraceContext, REDACTED, redact, traceFields } from '../../shared/logger';
import { logOptions } from '../../shared/runtime';

const key = generateSigningKeyPem();

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

// Google Cloud's "Format a log entry to report error events": an entry is an error event when its
// jsonPayload has a stack trace in `stack_trace` (JavaScript: V8's `error.stack`), or `@type` set to
// ReportedErrorEvent; `serviceContext` {service, version} groups the events.
describe('error lines for Error Reporting', () => {
  const context = { service: 'pairing', version: 'pairing-00012-abc' };
  const lines: string[] = [];
  const log = createLogger('info', { service: 'halobestie' }, (l) => lines.push(l), { serviceContext: context });
  const last = () => JSON.parse(lines.at(-1)!) as Record<string, unknown>;

  it('carry the thrown error’s stack as stack_trace, and the service context', () => {
    log.child({ request_id: 'r1' }).error('unhandled error', { error: new TypeError('boom'), path: '/x' });
    const entry = last();
    expect(entry).toMatchObject({ severity: 'ERROR', message: 'unhandled error', serviceContext: context, path: '/x' });
    expect(entry.stack_trace).toMatch(/^TypeError: boom\n {4}at /);
    expect(entry['@type']).toBeUndefined();
    expect(entry.request_id).toBe('r1');
  });

  it('without an Error, are typed ReportedErrorEvent so the message alone is reported', () => {
    log.error('outbox drain failed', { error: 'connection reset' });
    expect(last()).toMatchObject({
      '@type': 'type.googleapis.com/google.devtools.clouderrorreporting.v1beta1.ReportedErrorEvent',
      serviceContext: context,
      error: 'connection reset',
    });
    expect(last().stack_trace).toBeUndefined();
  });

  it('only ERROR lines are error events', () => {
    log.warn('invoice creation failed', { error: new Error('503') });
    log.info('payment settled');
    for (const line of lines.slice(-2)) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(entry.stack_trace ?? entry['@type'] ?? entry.serviceContext).toBeUndefined();
    }
  });

  it('stay redacted: credentials in an error’s message and stack, secret fields, chat text', () => {
    const jwt = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJl';
    log.error(`refresh failed for Bearer ${jwt}`, {
      error: new Error(`invalid token ${jwt}`),
      password: 'hunter2',
      body: 'aku lagi sedih banget',
      nested: { refresh_token: 'r', otp_code: '123456' },
    });
    const line = lines.at(-1)!;
    expect(line).not.toMatch(/eyJ|hunter2|sedih|"r"|123456/);
    expect(last().stack_trace).toMatch(/^Error: invalid token \[REDACTED\]\n/);
    expect(last()).toMatchObject({ password: REDACTED, body: REDACTED, message: 'refresh failed for [REDACTED]' });
  });
});

describe('readable local logs', () => {
  it('writes one line per entry in a terminal: time, level, message, key=value; an error’s stack below', () => {
    const lines: string[] = [];
    const log = createLogger('debug', { service: 'halobestie' }, (l) => lines.push(l), { format: 'pretty' });
    log.child({ function: 'pairing' }).info('payment settled', { outcome: 'paid', note: 'two words', token: 't0k' });
    log.error('unhandled error', { error: new Error('boom') });
    expect(lines[0]).toMatch(
      /^\d\d:\d\d:\d\d\.\d{3} INFO {2}payment settled service=halobestie function=pairing outcome=paid note="two words" token=\[REDACTED\]$/,
    );
    const [head, ...stack] = lines[1]!.split('\n');
    expect(head).toMatch(/ ERROR unhandled error service=halobestie error=boom$/);
    expect(stack[0]).toBe('    Error: boom');
    expect(stack[1]).toMatch(/^ {8}at /);
    expect(lines.join('\n')).not.toMatch(/[{}]|serviceContext|@type/);
  });

  it('is chosen when stdout is a terminal or LOG_FORMAT=pretty; Cloud Run (no terminal) gets JSON', () => {
    const env = (extra: Record<string, string> = {}) =>
      parseEnv(
        { DATABASE_URL: 'postgres://u@h/db', FIRESTORE_EMULATOR_HOST: 'h:1', AUTH_SIGNING_KEY: key, ...extra },
        [],
      );
    expect(logOptions(env(), true).format).toBe('pretty');
    expect(logOptions(env(), false).format).toBe('json');
    expect(logOptions(env({ LOG_FORMAT: 'pretty' }), false).format).toBe('pretty');
    expect(logOptions(env({ LOG_FORMAT: 'json' }), true).format).toBe('json');
    expect(logOptions(env({ K_SERVICE: 'session', K_REVISION: 'session-00007-xyz' }), false).serviceContext).toEqual({
      service: 'session',
      version: 'session-00007-xyz',
    });
    expect(logOptions(env(), false).serviceContext).toEqual({ service: 'halobestie', version: 'local' });
  });
});
