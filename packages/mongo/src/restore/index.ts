// The restore engine: archive events in, collections, documents, indexes and views out.
export {
  collectionOptions,
  compareIndexSpecs,
  createCommand,
  indexesToBuild,
  indexSpecs,
  normalizeIndexSpec,
} from './collection-spec';
export {
  type FailedDocument,
  type NamespaceRestoreResult,
  type RestoreDeps,
  RestoreFailedError,
  type RestoreOptions,
  type RestoreProgress,
  type RestoreResult,
  restoreArchive,
} from './engine';
export { NamespaceMapper, type NamespaceRename, type NamespaceSelection, pairRenames } from './namespaces';
export {
  describeState,
  type PlannedAction,
  type PlannedNamespace,
  planRestore,
  type RestorePlan,
  refusalError,
  type TargetState,
  unrestorableReason,
} from './plan';
export { type InsertEncoding, type InsertOutcome, RawInserter, type WriteFailure } from './raw-insert';
