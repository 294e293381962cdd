import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PublishedDocument } from '../../shared/realtime';

const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));

/**
 * Every Firestore document a feature publishes: each feature's front door (`shared/<feature>/index.ts`)
 * that exports `PUBLISHED_DOCUMENTS` contributes its list, so a new feature's documents are picked up
 * without a registry to update. Sorted by address, so the generated document does not depend on the
 * order of the folders.
 */
export async function publishedDocuments(): Promise<PublishedDocument[]> {
  const features = readdirSync(SHARED, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(SHARED, d.name, 'index.ts')))
    .map((d) => d.name);
  const lists = await Promise.all(
    features.map(async (feature) => {
      const door = pathToFileURL(path.join(SHARED, feature, 'index.ts')).href;
      const mod = (await import(door)) as { PUBLISHED_DOCUMENTS?: PublishedDocument[] };
      return mod.PUBLISHED_DOCUMENTS ?? [];
    }),
  );
  return lists.flat().sort((a, b) => a.address.localeCompare(b.address));
}
