const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;
type Severity = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';

const SENSITIVE_KEY = /authorization|cookie|password|passwd|secret|token|^code$|otp_code|private_key|id_token/i;
export const REDACTED = '[REDACTED]';

/** Deep-copies a value, replacing anything under a sensitive key. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SENSITIVE_KEY.test(k) ? REDACTED : redact(v, depth + 1);
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

/** Structured JSON lines in Cloud Logging's format (severity, message, time). */
export function createLogger(
  level: LogLevel = 'info',
  base: Record<string, unknown> = {},
  sink: Sink = (l) => process.stdout.write(l + '\n'),
): Logger {
  const threshold = LEVELS[level];
  const emit = (
    lvl: Exclude<LogLevel, 'silent'>,
    severity: Severity,
    message: string,
    fields?: Record<string, unknown>,
  ) => {
    if (LEVELS[lvl] < threshold) return;
    const entry = { severity, message, time: new Date().toISOString(), ...(redact({ ...base, ...fields }) as object) };
    sink(JSON.stringify(entry));
  };
  return {
    debug: (m, f) => emit('debug', 'DEBUG', m, f),
    info: (m, f) => emit('info', 'INFO', m, f),
    warn: (m, f) => emit('warn', 'WARNING', m, f),
    error: (m, f) => emit('error', 'ERROR', m, f),
    child: (fields) => createLogger(level, { ...base, ...fields }, sink),
  };
}
