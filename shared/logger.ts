import { errorReportingFields, prettyLine, scrubCredentials, type ServiceContext } from './log-format';
import { sourceMappedStack } from './stack-sources';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;
type Severity = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';

const SENSITIVE_KEY = /authorization|cookie|password|passwd|secret|token|^code$|otp_code|private_key|id_token/i;
// What people write (a chat message's body) never reaches a log; a request body object is walked instead.
const WRITTEN_TEXT_KEY = /^(body|text)$/i;
export const REDACTED = '[REDACTED]';

/** Deep-copies a value, replacing anything under a sensitive key. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    return {
      name: value.name,
      message: scrubCredentials(value.message),
      stack: value.stack && scrubCredentials(sourceMappedStack(value.stack)),
    };
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      SENSITIVE_KEY.test(k) || (typeof v === 'string' && WRITTEN_TEXT_KEY.test(k)) ? REDACTED : redact(v, depth + 1);
  }
  return out;
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

type Sink = (line: string) => void;

/**
 * A sink that gathers lines and writes them once per event-loop turn (after the I/O that produced
 * them), as one write: a request never waits for its own log line, and a busy instance makes one
 * write syscall per turn instead of one per line (stdout is synchronous for files and, on Linux,
 * pipes — Cloud Run's case). Whatever is still pending is written synchronously when the process
 * exits (`process.exit`, an uncaught exception, the end of the loop). A turn's lines are capped so a
 * flood cannot hold an unbounded buffer.
 */
export function bufferedSink(write: (chunk: string) => void, maxPending = 1 << 20): Sink & { flush(): void } {
  let pending: string[] = [];
  let bytes = 0;
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const chunk = pending.join('');
    pending = [];
    bytes = 0;
    write(chunk);
  };
  let hooked = false;
  const sink = (line: string) => {
    pending.push(line + '\n');
    bytes += line.length + 1;
    if (!hooked) {
      hooked = true;
      process.once('exit', flush);
    }
    if (bytes >= maxPending) flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(flush).unref();
    }
  };
  return Object.assign(sink, { flush });
}

let stdoutSink: ReturnType<typeof bufferedSink> | undefined;
/** The process-wide stdout sink (one buffer, so lines from every logger keep their order). */
export const stdoutLines = (): ReturnType<typeof bufferedSink> =>
  (stdoutSink ??= bufferedSink((chunk) => process.stdout.write(chunk)));

export interface LogOptions {
  /** json: Cloud Logging's structured lines; pretty: one readable line per entry, for a terminal. */
  format?: 'json' | 'pretty';
  /** Error Reporting's grouping on ERROR lines (the Cloud Run service and revision). */
  serviceContext?: ServiceContext;
}

const LOCAL_CONTEXT: ServiceContext = { service: 'halobestie', version: 'local' };

/** Structured JSON lines in Cloud Logging's format (severity, message, time), or readable lines. */
export function createLogger(
  level: LogLevel = 'info',
  base: Record<string, unknown> = {},
  sink: Sink = stdoutLines(),
  options: LogOptions = {},
): Logger {
  const threshold = LEVELS[level];
  // The base (function, trace, request id) is redacted once per child, not on every line.
  const safeBase = redact(base) as Record<string, unknown>;
  const emit = (
    lvl: Exclude<LogLevel, 'silent'>,
    severity: Severity,
    message: string,
    fields?: Record<string, unknown>,
  ) => {
    if (LEVELS[lvl] < threshold) return;
    const entry = {
      severity,
      message: severity === 'ERROR' ? scrubCredentials(message) : message,
      time: new Date().toISOString(),
      ...safeBase,
      ...(fields ? (redact(fields) as object) : undefined),
      ...(severity === 'ERROR' ? errorReportingFields(fields, options.serviceContext ?? LOCAL_CONTEXT) : undefined),
    };
    sink(options.format === 'pretty' ? prettyLine(entry) : JSON.stringify(entry));
  };
  return {
    debug: (m, f) => emit('debug', 'DEBUG', m, f),
    info: (m, f) => emit('info', 'INFO', m, f),
    warn: (m, f) => emit('warn', 'WARNING', m, f),
    error: (m, f) => emit('error', 'ERROR', m, f),
    child: (fields) => createLogger(level, { ...base, ...fields }, sink, options),
  };
}

/** Header access the trace parser needs: a Fetch `Headers`, Hono's `c.req.header`, or a plain lower-case map. */
export type HeaderSource =
  | { get(name: string): string | null | undefined }
  | ((name: string) => string | null | undefined)
  | Record<string, string | string[] | undefined>;

export interface TraceContext {
  traceId: string;
  /** 16 hex digits, the form Cloud Logging's `spanId` field takes. */
  spanId?: string;
  sampled: boolean;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const CLOUD_TRACE = /^([0-9a-fA-F]{32})(?:\/(\d{1,20}))?(?:;o=([01]))?$/;

function header(headers: HeaderSource, name: string): string | undefined {
  const v =
    typeof headers === 'function'
      ? headers(name)
      : typeof headers.get === 'function'
        ? (headers as { get(n: string): string | null | undefined }).get(name)
        : (headers as Record<string, string | string[] | undefined>)[name];
  const one = Array.isArray(v) ? v[0] : v;
  return one === null || one === undefined || one === '' ? undefined : one.trim();
}

/**
 * The caller's trace from W3C `traceparent` (preferred) or Google's `X-Cloud-Trace-Context`
 * (`TRACE_ID/SPAN_ID;o=1`, span id in decimal). Malformed or all-zero ids count as absent.
 */
export function parseTraceContext(headers: HeaderSource): TraceContext | undefined {
  const tp = header(headers, 'traceparent')?.toLowerCase();
  const w3c = tp ? TRACEPARENT.exec(tp) : null;
  if (w3c && w3c[1] !== 'ff' && !/^0+$/.test(w3c[2]!) && !/^0+$/.test(w3c[3]!)) {
    return { traceId: w3c[2]!, spanId: w3c[3]!, sampled: (parseInt(w3c[4]!, 16) & 1) === 1 };
  }
  const xc = header(headers, 'x-cloud-trace-context');
  const g = xc ? CLOUD_TRACE.exec(xc) : null;
  if (g && !/^0+$/.test(g[1]!)) {
    let spanId: string | undefined;
    if (g[2]) {
      const n = BigInt(g[2]);
      if (n > 0n && n < 1n << 64n) spanId = n.toString(16).padStart(16, '0');
    }
    return { traceId: g[1]!.toLowerCase(), spanId, sampled: g[3] === '1' };
  }
  return undefined;
}

/**
 * The fields that make Cloud Logging group a request's lines under its trace. Pure: the HTTP shell
 * calls it once per request and puts the result into the request's child logger.
 */
export function traceFields(headers: HeaderSource, projectId: string): Record<string, string | boolean> {
  const t = parseTraceContext(headers);
  if (!t) return {};
  return {
    'logging.googleapis.com/trace': `projects/${projectId}/traces/${t.traceId}`,
    ...(t.spanId ? { 'logging.googleapis.com/spanId': t.spanId } : {}),
    'logging.googleapis.com/trace_sampled': t.sampled,
  };
}
