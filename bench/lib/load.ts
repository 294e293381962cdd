import net from 'node:net';

export interface HttpRequestSpec {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** One request serialised once: the generator writes the same bytes again and again. */
export function serialise(port: number, spec: HttpRequestSpec): Buffer {
  const body = spec.body === undefined ? undefined : Buffer.from(spec.body);
  const lines = [`${spec.method} ${spec.path} HTTP/1.1`, `host: 127.0.0.1:${port}`, 'connection: keep-alive'];
  for (const [k, v] of Object.entries(spec.headers ?? {})) lines.push(`${k}: ${v}`);
  if (body) lines.push(`content-length: ${body.length}`);
  else if (spec.method !== 'GET') lines.push('content-length: 0');
  const head = Buffer.from(lines.join('\r\n') + '\r\n\r\n');
  return body ? Buffer.concat([head, body]) : head;
}

export interface LoadResult {
  seconds: number;
  completed: number;
  /** Latencies in ms, ascending. */
  latencies: Float64Array;
  statuses: Map<number, number>;
  errors: number;
}

const CRLFCRLF = Buffer.from('\r\n\r\n');

/**
 * Parses responses off one keep-alive connection. Only what our servers send: a status line, headers,
 * then Content-Length bytes, a chunked body, or nothing (204/304).
 */
class ResponseReader {
  private buf: Buffer = Buffer.alloc(0);
  /** Returns the statuses of every complete response in the bytes seen so far. */
  push(chunk: Buffer): number[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const done: number[] = [];
    for (;;) {
      const end = this.buf.indexOf(CRLFCRLF);
      if (end < 0) return done;
      const head = this.buf.toString('latin1', 0, end);
      const status = Number(head.slice(9, 12));
      const lower = head.toLowerCase();
      let bodyEnd: number;
      const cl = /\r\ncontent-length:\s*(\d+)/.exec(lower);
      if (status === 204 || status === 304) bodyEnd = end + 4;
      else if (cl) bodyEnd = end + 4 + Number(cl[1]);
      else if (/\r\ntransfer-encoding:\s*chunked/.test(lower)) {
        const e = this.chunkedEnd(end + 4);
        if (e < 0) return done;
        bodyEnd = e;
      } else throw new Error(`cannot frame a response without length: ${head.split('\r\n')[0]}`);
      if (this.buf.length < bodyEnd) return done;
      done.push(status);
      this.buf = this.buf.subarray(bodyEnd);
    }
  }
  private chunkedEnd(at: number): number {
    let i = at;
    for (;;) {
      const nl = this.buf.indexOf('\r\n', i);
      if (nl < 0) return -1;
      const size = parseInt(this.buf.toString('latin1', i, nl), 16);
      if (size === 0) {
        const fin = this.buf.indexOf(CRLFCRLF, nl);
        return fin < 0 ? -1 : fin + 4;
      }
      i = nl + 2 + size + 2;
      if (i > this.buf.length) return -1;
    }
  }
}

/**
 * A closed loop over `connections` keep-alive sockets: each sends its next request as soon as the
 * previous answer is complete, for `seconds`. `requestFor(connection, n)` gives the bytes to send.
 * Raw sockets, so the generator costs far less CPU than the servers it measures (they share the cores).
 */
export function closedLoop(opts: {
  port: number;
  connections: number;
  seconds: number;
  requestFor: (connection: number, n: number) => Buffer;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  const one = (conn: number) =>
    new Promise<void>((resolve) => {
      const socket = net.connect({ port: opts.port, host: '127.0.0.1', noDelay: true });
      const reader = new ResponseReader();
      let n = 0;
      let sentAt = 0;
      const send = () => {
        sentAt = performance.now();
        socket.write(opts.requestFor(conn, n++));
      };
      socket.once('connect', send);
      socket.on('data', (chunk) => {
        let got: number[];
        try {
          got = reader.push(chunk);
        } catch {
          errors++;
          socket.destroy();
          return;
        }
        for (const status of got) {
          const now = performance.now();
          latencies.push(now - sentAt);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (now >= deadline) {
            socket.end();
            return;
          }
          send();
        }
      });
      socket.on('error', () => errors++);
      socket.on('close', () => resolve());
    });
  return Promise.all(Array.from({ length: opts.connections }, (_, i) => one(i))).then(() => {
    const sorted = Float64Array.from(latencies).sort();
    return {
      seconds: (performance.now() - started) / 1000,
      completed: latencies.length,
      latencies: sorted,
      statuses,
      errors,
    };
  });
}
