// Content hashing, and the restore engine (archive events in; collections, documents, indexes and views out).
export { ContentHash, contentHashOf } from './content-hash';
export * from './restore';
