export {
  DestinationWriteError,
  ObjectExistsError,
  ObjectNotFoundError,
  type RefusedWrite,
  RetainedByLockError,
} from './errors';
export { FileStorage } from './file-storage';
export { checkKey } from './keys';
export { type OpenStorageOptions, openStorage } from './open';
export { S3_ROWS, s3Options } from './options';
export {
  DEFAULT_PART_SIZE,
  DEFAULT_PARTS_IN_FLIGHT,
  MAX_PART_SIZE,
  MAX_PARTS,
  MIN_PART_SIZE,
  partSizeFor,
} from './part-size';
// Types only: the AWS SDK loads when an s3:// storage is first used (`@shipkit/storage/s3` for the class).
export type { ChecksumMode, S3StorageOptions } from './s3-storage';
export type {
  ConditionalWrite,
  IncompleteUpload,
  ListedObject,
  ObjectHead,
  PutOptions,
  PutResult,
  Storage,
} from './types';
export {
  ACCEPTED_STORAGE_URLS,
  type FileLocation,
  formatStorageUrl,
  parseStorageUrl,
  type S3Location,
  type StorageLocation,
} from './url';
