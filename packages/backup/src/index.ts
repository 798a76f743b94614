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
export { type CatalogEntry, listBackups, readManifest, readVerification, resolveBackup } from './catalog';
export {
  archiveName,
  backupIdTime,
  backupKeys,
  type Compression,
  isBackupId,
  MANIFEST_NAME,
  newBackupId,
  VERIFICATION_NAME,
} from './layout';
export {
  type Manifest,
  MANIFEST_FORMAT_VERSION,
  manifestJsonSchema,
  manifestSchema,
  type NamespaceEntry,
  parseManifest,
  type Verification,
  verificationSchema,
} from './manifest';
export { type BackupDeps, type BackupOptions, type BackupResult, runBackup } from './pipeline';
export { type PruneOptions, type PruneResult, prune } from './prune';
export { TOOL } from './tool';
export {
  backupOptionsFromInputs,
  connectTimeoutFromInputs,
  parseSse,
  S3_INPUTS,
  s3OptionsFromInputs,
} from './options';
