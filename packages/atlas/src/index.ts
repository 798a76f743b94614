export { type AtlasCredentials, credentialSecrets } from './auth';
export { AtlasClient, type AtlasClientOptions } from './client';
export {
  AtlasApiError,
  AtlasAuthError,
  AtlasDeadlineError,
  AtlasMaybeReceivedError,
  RestoreNotConfirmedError,
  UnsupportedTierError,
} from './errors';
export { type ExportOptions, type ExportOutcome, type ExportResult, exportSnapshot } from './export';
export { checkSnapshotFreshness, type SnapshotFreshness } from './freshness';
export {
  API_VERSIONS,
  ATLAS_BASE_URL,
  type AtlasDeps,
  type AtlasRequest,
  AtlasTransport,
  backoffDelay,
  DEFAULT_RETRY,
  mayResend,
  parseRetryAfter,
  type RetryPolicy,
  realAtlasDeps,
} from './http';
export { ATLAS_ID, CLUSTER_NAME, parseZonedTime } from './names';
export { createOnce } from './once';
export {
  type ActualPolicy,
  checkPolicy,
  comparePolicy,
  type DesiredPolicy,
  desiredPolicySchema,
  type PolicyCheck,
  type PolicyDifference,
  parseDesiredPolicy,
} from './policy';
export { requireBackupEnabled, requireTier } from './require-tier';
export {
  checkConfirmation,
  planRestore,
  type RestoreOutcome,
  type RestorePlan,
  type RestoreRequest,
  type RestoreResult,
  type StartRestoreOptions,
  startRestore,
} from './restore';
export {
  type SnapshotOptions,
  type SnapshotOutcome,
  type SnapshotResult,
  takeOnDemandSnapshot,
} from './snapshot';
export { describeCluster, TIER_OFFERS, type Tier, type TierKind, tierOf } from './tier';
export type {
  BackupSchedule,
  CompliancePolicy,
  DatabaseUser,
  DatabaseUserRole,
  ExportBucket,
  ExportJob,
  PolicyItem,
  RestoreJob,
  Snapshot,
  SnapshotStatus,
} from './types';
