import type { Deadline, Logger } from '@shipkit/runtime';
import { FileStorage } from './file-storage';
import { LazyS3Storage } from './lazy-s3-storage';
import type { S3StorageOptions } from './s3-storage';
import type { Storage } from './types';
import { parseStorageUrl, type StorageLocation } from './url';

export interface OpenStorageOptions {
  /** Used for `s3://` locations only. */
  s3?: Omit<S3StorageOptions, 'logger' | 'deadline'>;
  logger?: Logger;
  /** The run's deadline, which every request to the storage is bound to. */
  deadline?: Deadline;
}

/** The storage for `s3://bucket/prefix` or `file:///absolute/path` (a URL, or one already parsed). */
export function openStorage(where: string | StorageLocation, options: OpenStorageOptions = {}): Storage {
  const location = typeof where === 'string' ? parseStorageUrl(where) : where;
  options.logger?.debug(`storage: ${describeOpening(location, options.s3)}`);
  if (location.kind === 'file') {
    return new FileStorage(location, options.deadline ? { deadline: options.deadline } : {});
  }
  return new LazyS3Storage(location, {
    ...options.s3,
    ...(options.logger && { logger: options.logger }),
    ...(options.deadline && { deadline: options.deadline }),
  });
}

/** Where the storage is and how it is reached, for debug logs: never a credential. */
function describeOpening(location: StorageLocation, s3: OpenStorageOptions['s3']): string {
  if (location.kind === 'file') return `folder ${location.root}`;
  const settings = [
    `endpoint ${s3?.endpoint ?? 'AWS'}`,
    `region ${s3?.region ?? 'from the environment'}`,
    ...(s3?.forcePathStyle === undefined ? [] : [`path-style ${s3.forcePathStyle}`]),
    ...(s3?.requestChecksumCalculation ? [`checksums ${s3.requestChecksumCalculation}`] : []),
  ];
  return `bucket ${location.bucket}, prefix '${location.prefix}' (${settings.join(', ')})`;
}
