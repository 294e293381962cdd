import { sourceMappedStack } from './stack-sources';

/** Google's Error Reporting type for a log entry that reports an error without a stack trace. */
export const REPORTED_ERROR_EVENT =
  'type.googleapis.com/google.devtools.clouderrorreporting.v1beta1.ReportedErrorEvent';

export interface ServiceContext {
  service: string;
  version: string;
}

// Values that are credentials whatever key holds them: bearer credentials and JWTs (access, refresh,
// ID and OIDC tokens are all JWS compact serialisations). An error message or a stack can quote one.
const CREDENTIAL = /\bBearer\s+[\w.~+/=-]+|\beyJ[\w-]*\.[\w-]+\.[\w-]*/g;
export const scrubCredentials = (text: string): string => text.replace(CREDENTIAL, '[REDACTED]');

/**
 * What Error Reporting needs on an ERROR line ("Format a log entry to report error events"): a
 * `stack_trace` field in the jsonPayload when an Error was logged (V8's `error.stack`, the JavaScript
 * format it parses; mapped to the TypeScript sources), otherwise `@type` ReportedErrorEvent, which makes
 * it take the entry as an error event whatever the message; and `serviceContext` (service, version) so
 * events group per Cloud Run service and revision.
 */
export function errorReportingFields(
  fields: Record<string, unknown> | undefined,
  serviceContext: ServiceContext,
): Record<string, unknown> {
  const error = Object.values(fields ?? {}).find((v): v is Error => v instanceof Error && Boolean(v.stack));
  return error
    ? { stack_trace: scrubCredentials(sourceMappedStack(error.stack!)), serviceContext }
    : { '@type': REPORTED_ERROR_EVENT, serviceContext };
}

const LEVEL_WIDTH = 5;
const plain = (v: unknown): string =>
  typeof v === 'string' ? (/[\s"=]/.test(v) || v === '' ? JSON.stringify(v) : v) : JSON.stringify(v);

/**
 * One line a person reads in a terminal: time, level, message, then key=value pairs; an error's stack on
 * the lines below. Takes the entry already redacted, as the JSON line would carry it.
 */
export function prettyLine(entry: Record<string, unknown>): string {
  const { severity, message, time, stack_trace: stack, serviceContext: _s, '@type': _t, ...rest } = entry;
  const clock = typeof time === 'string' ? time.slice(11, 23) : '';
  const level = String(severity === 'WARNING' ? 'WARN' : severity).padEnd(LEVEL_WIDTH);
  const pairs = Object.entries(rest)
    .filter(([, v]) => v !== undefined)
    .map(
      ([k, v]) =>
        `${k}=${plain(k === 'error' && v && typeof v === 'object' ? (v as { message?: unknown }).message : v)}`,
    );
  const head = [clock, level, String(message), ...pairs].filter(Boolean).join(' ');
  return typeof stack === 'string' ? `${head}\n${stack.replace(/^/gm, '    ')}` : head;
}
