import { createLogger, traceFields } from '../../shared/logger';

// Child process for bench/request-path.bench.ts: writes request log lines to stdout the way the HTTP
// shell does (a child logger with function + trace fields, one `request` line per request, 32 requests
// per event-loop turn) and reports on stderr the loop time per line. argv: sync|buffered, lines.
const [mode = 'buffered', n = '100000'] = process.argv.slice(2);
const total = Number(n);
const sync = (l: string) => void process.stdout.write(l + '\n');
const base = createLogger('info', { service: 'halobestie' }, mode === 'sync' ? sync : undefined).child({
  function: 'pairing',
});
const headers = { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' };
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let written = 0;
const turn = () => {
  for (let i = 0; i < 32 && written < total; i++, written++) {
    base.info('request', {
      ...traceFields(headers, 'demo-halobestie'),
      httpRequest: { requestMethod: 'POST', requestUrl: '/api/mitra/status/heartbeat', status: 204, latency: '0.004s' },
      request_id: `bench-${written}`,
    });
  }
  if (written < total) setImmediate(turn);
  else
    setImmediate(() => {
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      process.stderr.write(
        JSON.stringify({ nsPerLine: (ms * 1e6) / total, cpuNsPerLine: ((cpu.user + cpu.system) * 1e3) / total }) + '\n',
      );
    });
};
turn();
