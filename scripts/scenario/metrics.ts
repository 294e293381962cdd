/** What many scenarios add up to: per-step timings, message accounting, payments vs activations. */
export class Metrics {
  readonly steps = new Map<string, number[]>();
  readonly latencies: number[] = [];
  sent = 0;
  received = 0;
  duplicates = 0;
  outOfOrder = 0;
  payments = 0;
  activations = 0;
  completed = 0;
  /** Message sends retried (same client_message_id) after a dropped connection. */
  retries = 0;
  failures: string[] = [];
  add(step: string, ms: number) {
    let list = this.steps.get(step);
    if (!list) this.steps.set(step, (list = []));
    list.push(ms);
  }
}
