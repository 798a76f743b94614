export { isoWeek, type PeriodRule, periodLabel } from './periods';
export {
  type BackupRecord,
  type KeptBackup,
  planRetention,
  planSweep,
  type RemovedBackup,
  type RetentionPlan,
  type SweepCandidate,
  type SweepPlan,
} from './plan';
export {
  activeRules,
  describeRetention,
  KEEP_ROWS,
  parseRetention,
  RETENTION,
  RETENTION_ROWS,
  RETENTION_RULES,
  type RetentionPolicy,
  type RetentionRule,
  retentionPolicy,
} from './policy';
