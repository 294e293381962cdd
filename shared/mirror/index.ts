/** The Firestore mirror rebuilt from Postgres, each feature writing the documents it owns. */
export { rebuildMirror, type RebuildCounts } from './rebuild';
