import type { Readable } from 'node:stream';
import type { StorageLocation } from './url';

export interface PutOptions {
  contentType?: string;
  /**
   * Refuse to replace an existing object (`ObjectExistsError`): the commit-marker write. S3 sends
   * `If-None-Match: *`, or checks with HEAD first where the store rejects that header; files are
   * created exclusively.
   */
  ifNoneMatch?: boolean;
}

/** How a conditional put made sure it did not replace an object. */
export type ConditionalWrite =
  /** The store enforced `If-None-Match: *` atomically. */
  | 'if-none-match'
  /** The store rejected the header: HEAD found no object, then PUT. Not atomic against a concurrent writer. */
  | 'head-then-put'
  /** The file was created exclusively (hard link, or `wx` where links are unsupported). */
  | 'exclusive-create';

export interface PutResult {
  key: string;
  /** Bytes stored. */
  bytes: number;
  /** 1 for a single PUT or a file. */
  parts: number;
  etag?: string;
  /** Set when `ifNoneMatch` was asked for. */
  conditional?: ConditionalWrite;
}

export interface ObjectHead {
  size: number;
  lastModified: Date;
  etag?: string;
}

export interface ListedObject {
  /** Relative to the location's prefix. */
  key: string;
  size: number;
  lastModified: Date;
}

/** An upload that was started and never finished: an S3 multipart upload, or a file backend temp file. */
export interface IncompleteUpload {
  /** The key it would have written, relative to the location's prefix. */
  key: string;
  uploadId: string;
  initiated?: Date;
}

/**
 * Where backups live. Keys are relative to the location's prefix, use `/` as separator and have no
 * empty, `.` or `..` segments.
 */
export interface Storage {
  readonly location: StorageLocation;
  /** The location (or one key in it) as a URL safe to show: never holds credentials. */
  describe(key?: string): string;
  /** Streams `body` to `key` (length need not be known) and reports the bytes stored. */
  put(key: string, body: Readable | Buffer, options?: PutOptions): Promise<PutResult>;
  /** Throws `ObjectNotFoundError` when there is no such key. */
  get(key: string): Promise<Readable>;
  /** Bytes `start` to `end` inclusive (to the end of the object when `end` is omitted). */
  getRange(key: string, start: number, end?: number): Promise<Readable>;
  head(key: string): Promise<ObjectHead | undefined>;
  /** Every object whose key starts with `prefix`, in key order, fetched page by page. */
  list(prefix?: string): AsyncIterable<ListedObject>;
  /** Deleting a missing key succeeds. Throws `RetainedByLockError` when Object Lock retains the object. */
  delete(key: string): Promise<void>;
  /** Uploads under the prefix that were started and never completed, for the sweep. */
  listIncompleteUploads(): AsyncIterable<IncompleteUpload>;
  /** Aborting an upload that is already gone succeeds. */
  abortUpload(upload: IncompleteUpload): Promise<void>;
  /** Releases connections. */
  close(): Promise<void>;
}
