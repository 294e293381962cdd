/** Who may read which Firestore document: one table for the rules and their model. */
export * from './access';
