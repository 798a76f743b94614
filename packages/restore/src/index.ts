// The disaster-recovery restore: a backup restored into a real target under staging names, checked,
// and swapped in only once proven (the check stages come from @shipkit/verify, the restore engine
// from @shipkit/mongo); its typed confirmation, its plan and its options.
export {
  CONFIRM,
  DROP,
  DRY_RUN,
  NO_READ_BACK,
  RESTORE_EXCLUDE,
  RESTORE_INCLUDE,
  TARGET_URI,
} from './options';
export { leftoversLine, planMarkdown, planRows } from './render';
export { planBackupRestore, type RestoreBackupOptions, restoreBackup, StagedRestore } from './restore';
export {
  type Confirmation,
  checkConfirmation,
  type RestoreOutcome,
  type RestoreRunOptions,
  runRestore,
  unconfirmedError,
} from './run';
