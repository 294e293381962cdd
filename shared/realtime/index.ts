/** Who may read which Firestore document (one table for the rules and their model), and what each holds. */
export * from './access';
export { addressParameters, matchAddress, type AppName, type PublishedDocument } from './published';
