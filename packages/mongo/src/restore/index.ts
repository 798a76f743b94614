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
  type PlanOptions,
  planRestore,
  type RestorePlan,
  refusalError,
  type TargetState,
  unrestorableReason,
} from './plan';
export { type InsertEncoding, type InsertOutcome, RawInserter, type WriteFailure } from './raw-insert';
export {
  describeOutcomes,
  isStaged,
  type OutcomeState,
  type RestoreProof,
  Staging,
  SwapFailedError,
  type TargetOutcome,
} from './staging';
export { type Leftover, newRunId, parseStagingName, type StagingRole, stagingName } from './staging-names';
