import { REALTIME_ACCESS } from '../../../shared/realtime';

/** The top-level collections we write (the rules table names every one). */
const COLLECTIONS = [...new Set(REALTIME_ACCESS.map((a) => a.match.split('/')[0]!))];

/**
 * Paths the test route may read: one of our collections, then ids of letters, digits, `_` and `-` that
 * start with a letter or digit (so never Firestore's reserved `__x__` names), at most 8 segments.
 * Anything else is refused before the emulator sees it.
 */
export const INSPECTABLE_PATH = new RegExp(`^(?:${COLLECTIONS.join('|')})(?:/[A-Za-z0-9][A-Za-z0-9_-]{0,127}){0,7}$`);

/** Even segment counts name a document, odd ones a collection. */
export const isDocumentPath = (path: string) => path.split('/').length % 2 === 0;
