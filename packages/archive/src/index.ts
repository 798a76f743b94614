// Streaming writer and reader of the mongodump archive format (what `mongodump --archive` writes
// and `mongorestore --archive` reads). See README.md for the format rules enforced.

/** Structural BSON check used by `validateBson`, for callers holding raw documents. */
export { type BsonProblem, findBsonProblem } from './bson-check';
/** Incremental and one-shot CRC-64/XZ, the checksum stored in each namespace's EOF block. */
export { Crc64, combineCrc64, crc64 } from './crc64';
/** Thrown for any violation of the archive format, with the namespace and byte offset. */
export { ArchiveFormatError } from './errors';
/** Format constants and namespace helpers. */
export {
  ARCHIVE_MAGIC,
  ARCHIVE_VERSION,
  BUCKETS_PREFIX,
  isOplog,
  MAX_DOCUMENT_SIZE,
  MIN_DOCUMENT_SIZE,
  type Namespace,
  type NamespaceType,
  namespaceName,
  OPLOG_NAMESPACE,
  toNamespace,
} from './format';
/** Streaming reader: events for the prelude, documents, EOF blocks and final statistics. */
export {
  type ArchiveEvent,
  ArchiveReader,
  type ArchiveReaderOptions,
  type ArchiveSource,
  type DocumentRun,
  documentRun,
  type PreludeNamespace,
  readArchive,
  verifyArchive,
} from './reader';
export type { ArchiveHeader, ArchiveStats, NamespaceStats } from './types';
/** Streaming writer with backpressure, safe for several concurrent producers. */
export {
  ArchiveWriter,
  type ArchiveWriterOptions,
  type CollectionMetadata,
  type Prelude,
  type PreludeEntry,
} from './writer';
