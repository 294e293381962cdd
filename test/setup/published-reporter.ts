import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import type { PublishedCounts } from '../helpers/published';

/** One line at the end of a run: how many documents and pushes were checked against docs/asyncapi.yaml. */
export default class PublishedReporter implements Reporter {
  private ctx?: Vitest;

  onInit(ctx: Vitest) {
    this.ctx = ctx;
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    const total: PublishedCounts = { documents: {}, pushes: {} };
    let files = 0;
    for (const m of modules) {
      const counts = m.meta().published;
      if (!counts || Object.keys(counts.documents).length + Object.keys(counts.pushes).length === 0) continue;
      files++;
      for (const kind of ['documents', 'pushes'] as const) {
        for (const [channel, n] of Object.entries(counts[kind])) total[kind][channel] = (total[kind][channel] ?? 0) + n;
      }
    }
    const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    if (sum(total.documents) + sum(total.pushes) === 0) return;
    const channels = Object.entries(
      (parse(readFileSync('docs/asyncapi.yaml', 'utf8')) as { channels: Record<string, { address: unknown }> })
        .channels,
    );
    const docs = channels.filter(([, c]) => c.address !== null).map(([name]) => name);
    const pushes = channels.filter(([, c]) => c.address === null).map(([name]) => name);
    const unseen = [...docs, ...pushes].filter((n) => !total.documents[n] && !total.pushes[n]);
    this.ctx?.logger.log(
      `\n published contract: ${sum(total.documents)} Firestore documents (${Object.keys(total.documents).length}/${docs.length} channels) ` +
        `and ${sum(total.pushes)} pushes (${Object.keys(total.pushes).length}/${pushes.length} types) ` +
        `checked against docs/asyncapi.yaml in ${files} files` +
        (unseen.length ? `; never exercised: ${unseen.join(', ')}` : ''),
    );
  }
}
