export {
  ANOMALY_ACK_NAME,
  type Anomaly,
  type AnomalyAck,
  anomalyAckSchema,
  anomalySchema,
  DEFAULT_ANOMALY_DROP_PERCENT,
  describeAnomaly,
  findAnomaly,
  isSameSource,
} from './anomaly';
export { type AckResult, acknowledgeAnomaly, type GuardOptions, guardAgainstCollapse } from './guard';
export {
  type BackupState,
  type CatalogEntry,
  type CatalogOptions,
  findBackup,
  listBackups,
  type ResolvedBackup,
  readManifest,
  resolveBackup,
} from './catalog';
export {
  type BackupJson,
  backupJson,
  backupJsonSchema,
  catalogJsonSchemas,
  inspectJson,
  inspectJsonSchema,
  listJsonSchema,
} from './catalog-json';
export {
  COMPRESSIONS,
  checkCompressionLevel,
  DEFAULT_COMPRESSION,
  checkRecipients,
  compressStream,
  decompressStream,
  decryptStream,
  type Encoding,
  encryptStream,
  IDENTITY_OPTION,
  recipientOf,
  sniffEncoding,
} from './codec';
export {
  archiveName,
  backupIdTime,
  backupKeys,
  type Compression,
  isBackupId,
  MANIFEST_NAME,
  newBackupId,
} from './layout';
export {
  MANIFEST_FORMAT_VERSION,
  type Manifest,
  manifestJsonSchema,
  manifestSchema,
  type NamespaceEntry,
  parseManifest,
} from './manifest';
export {
  BACKUP_OPTIONS,
  backupOptions,
  DECRYPT_IDENTITY,
  DESTINATION,
  parseSse,
  SOURCE_URI,
} from './options';
export { type BackupDeps, type BackupOptions, type BackupResult, runBackup } from './pipeline';
export { type PruneOptions, type PruneResult, prune } from './prune';
export { TOOL } from './tool';
export {
  isVerificationName,
  LEGACY_VERIFICATION_NAME,
  type LegacyVerification,
  VERIFICATION_FORMAT_VERSION,
  VERIFY_MODES,
  type VerificationMode,
  type VerificationRecord,
  type VerificationScope,
  type VerificationSummary,
  verificationName,
  verificationRecordSchema,
} from './verification';
