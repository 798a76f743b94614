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
  checkRecipients,
  compressStream,
  decompressStream,
  decryptStream,
  type Encoding,
  encryptStream,
  recipientOf,
  sniffEncoding,
} from './codec';
/** zstd streams of several frames: decompressed frame by frame, several at once. */
export { type DecompressZstdOptions, decompressZstd, FRAME_BYTES } from './zstd-frames';
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
  backupOptionsFromInputs,
  connectTimeoutFromInputs,
  parseSse,
  S3_INPUTS,
  s3OptionsFromInputs,
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
