import type { z } from 'zod';

/** The two apps; a document names the ones that listen to it. */
export type AppName = 'customer' | 'mitra';

/**
 * A Firestore document the backend publishes: where it lives, what a listener receives, who listens.
 * Each feature exports its list as `PUBLISHED_DOCUMENTS` from its front door; docs/asyncapi.yaml is
 * generated from every such list, and the tests check each write against it (an unlisted path fails).
 */
export interface PublishedDocument {
  /** PascalCase: the name of its AsyncAPI channel, message and schema. */
  name: string;
  /** The document path with its ids as `{placeholders}`, e.g. `sessions/{sessionId}/messages/{messageId}`. */
  address: string;
  /** What each placeholder holds; `values` when it is one of a few words. */
  parameters: Record<string, { description: string; values?: readonly string[] }>;
  /** The document as a listener receives it (after every write so far); built on first use. */
  schema: () => z.ZodType;
  /** The apps that listen to it (none: only the backend and the rules read it). */
  readers: readonly AppName[];
  /**
   * `whole`: every write replaces the document. `merged`: a write may set only some top-level fields
   * (Firestore merge), so a listener sees the union of the writes so far.
   */
  writes: 'whole' | 'merged';
  /** One line: what it is for. */
  summary: string;
  /** When it is written and what the app does with it. */
  description: string;
}

const PLACEHOLDER = /^\{([A-Za-z0-9_]+)\}$/;

/** The ids of a concrete path under a document's address, or undefined when the path is not one of it. */
export function matchAddress(address: string, path: string): Record<string, string> | undefined {
  const want = address.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const ids: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const name = PLACEHOLDER.exec(want[i]!)?.[1];
    if (name === undefined) {
      if (want[i] !== got[i]) return undefined;
    } else if (got[i] === '') {
      return undefined;
    } else {
      ids[name] = got[i]!;
    }
  }
  return ids;
}

/** The placeholders of an address, in order. */
export const addressParameters = (address: string) =>
  address.split('/').flatMap((part) => PLACEHOLDER.exec(part)?.[1] ?? []);
