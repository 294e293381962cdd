import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleFunction, EXTERNAL_SDKS } from '../../scripts/bundle';

describe('function bundle', () => {
  it('is one ESM file in which the heavy GCP SDKs are only imported lazily', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'halo-bundle-'));
    try {
      const meta = await bundleFunction('workers', dir);
      const outputs = Object.keys(meta.outputs).filter((f) => f.endsWith('.mjs'));
      expect(outputs).toHaveLength(1);
      const sdks = EXTERNAL_SDKS.filter((s) => s !== 'pg-native'); // pg's optional native binding, required inside a try
      const imports = meta.outputs[outputs[0]!]!.imports.filter((i) => sdks.some((sdk) => i.path.startsWith(sdk)));
      const eager = imports.filter((i) => i.kind !== 'dynamic-import').map((i) => i.path);
      expect(eager).toEqual(['@google-cloud/functions-framework']);
      expect(imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path)).toEqual(
        expect.arrayContaining([
          '@google-cloud/tasks',
          '@google-cloud/pubsub',
          '@google-cloud/firestore',
          'firebase-admin/messaging',
        ]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
