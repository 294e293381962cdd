/* For the watch's own tests: a bare state to drive it, and requests as the gRPC server decodes them. */
export { IndexedWatch, type ListenCall } from './indexed-watch';
export { FirestoreState, ListenRequest } from './package';
