// Content hashing, and the restore engine (archive events in; collections, documents, indexes and views out).
export { ContentHash, contentHashOf, sumContentHashes } from './content-hash';
export * from './dump';
export {
  assertFiltersMatch,
  type FilterKind,
  type FilterSpec,
  NamespaceFilter,
  type NamespacePattern,
  type NamespaceRef,
  parseNamespacePattern,
  patternMatches,
  skipReason,
  unmatchedFilterError,
  unmatchedFilterWarning,
} from './filters';
export { CONNECT_TIMEOUT, EXCLUDE, INCLUDE, RENAME_ROWS } from './options';
export * from './restore';
export {
  type ConnectionTarget,
  type ConnectOptions,
  connect,
  connectionError,
  connectionTarget,
  disconnect,
  invalidUriError,
  probeServer,
  type ServerFacts,
  serverFactsFrom,
  type Topology,
} from './server';
