import type { Logger } from '@shipkit/action-kit';
import { FileStorage } from './file-storage';
import { LazyS3Storage } from './lazy-s3-storage';
import type { S3StorageOptions } from './s3-storage';
import type { Storage } from './types';
import { parseStorageUrl, type StorageLocation } from './url';

export interface OpenStorageOptions {
  /** Used for `s3://` locations only. */
  s3?: Omit<S3StorageOptions, 'logger'>;
  logger?: Logger;
}

/** The storage for `s3://bucket/prefix` or `file:///absolute/path` (a URL, or one already parsed). */
export function openStorage(where: string | StorageLocation, options: OpenStorageOptions = {}): Storage {
  const location = typeof where === 'string' ? parseStorageUrl(where) : where;
  if (location.kind === 'file') return new FileStorage(location);
  return new LazyS3Storage(location, { ...options.s3, ...(options.logger && { logger: options.logger }) });
}
