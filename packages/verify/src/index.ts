// Verification of backups (integrity: no database; full: restore and compare), the check stages the
// disaster-recovery restore (@shipkit/restore) shares, the restore drill and the freshness gate.
export {
  type ArchiveAccess,
  type CheckDeps,
  identityFor,
  type ProgressSink,
  type RestoreSpec,
  runCheck,
  type StagedSwap,
  type VerifyDeps,
  type VerifyOptions,
  verifyBackup,
} from './check';
export {
  assessDrill,
  type DrillCandidate,
  type DrillPlan,
  type DrillRecord,
  type DrillTargets,
  drillFacts,
  drillMarkdown,
  type MeasuredRestore,
  type OlderChoice,
  type PlannedRestore,
  parseOlderChoice,
  planDrill,
} from './drill';
export { checkFreshness, type FreshnessOptions, type FreshnessResult } from './freshness';
export { chooseIdentity, parseIdentities } from './identity';
export {
  checkLocation,
  FROM_ROWS,
  LOCATION_ROWS,
  locationFrom,
  PARALLEL_PARTS,
  RESTORE_PARALLELISM,
  RUN_TIMEOUT,
  SCRATCH_URI,
  VERIFY_MODE,
} from './options';
export { headline, namespaceRows, reportFacts, reportMarkdown } from './render';
export {
  type CheckState,
  failureMessage,
  type NamespaceReport,
  VerificationFailedError,
  type VerificationReport,
  type VerifyMode,
} from './report';
export {
  archiveAccess,
  type BackupRun,
  type BackupRunOptions,
  onBackup,
  type RunDeps,
  type RunLabel,
  runVerify,
  type VerifyRunOptions,
} from './run';
export { type BackupSource, type LocateRequest, locateBackup, type OpenStorage } from './source';
export {
  type ArchiveLayers,
  type ArchiveStage,
  ArchiveStageError,
  type OpenedArchive,
  openStoredArchive,
} from './stored-archive';
export { openBackupArchive } from './stored-parts';
export { type ArchiveNamespaceTally, ArchiveTally } from './tally';
