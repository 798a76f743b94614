// Verification of backups (integrity: no database; full: restore and compare), the restore path with
// its checks, and the freshness gate.
export {
  type CheckDeps,
  type ProgressSink,
  planBackupRestore,
  type RestoreBackupOptions,
  restoreBackup,
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
  drillMarkdown,
  type MeasuredRestore,
  type OlderChoice,
  type PlannedRestore,
  parseOlderChoice,
  planDrill,
} from './drill';
export { checkFreshness, type FreshnessOptions, type FreshnessResult } from './freshness';
export { chooseIdentity, parseIdentities } from './identity';
export { checkLocation, commonOptionsFromInputs, MODES, type RunMode } from './options';
export { headline, leftoversLine, namespaceRows, planMarkdown, planRows, reportMarkdown } from './render';
export {
  type CheckState,
  failureMessage,
  type NamespaceReport,
  VerificationFailedError,
  type VerificationReport,
  type VerifyMode,
} from './report';
export {
  type Confirmation,
  checkConfirmation,
  type RunDeps,
  type RunOutcome,
  runVerifyRestore,
  type VerifyRestoreOptions,
} from './run';
export { type BackupSource, type LocateRequest, locateBackup, type OpenStorage } from './source';
export {
  type ArchiveLayers,
  type ArchiveStage,
  ArchiveStageError,
  type OpenedArchive,
  openStoredArchive,
} from './stored-archive';
export { type ArchiveNamespaceTally, ArchiveTally } from './tally';
