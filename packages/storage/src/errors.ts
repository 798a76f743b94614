import { UserError } from '@shipkit/runtime';

/** The object is protected by Object Lock (retention or legal hold): prune reports it as "retained by lock". */
export class RetainedByLockError extends UserError {
  override name = 'RetainedByLockError';
  constructor(
    readonly key: string,
    readonly url: string,
    detail: string,
  ) {
    super(`${url} is retained by Object Lock and cannot be deleted yet (${detail}).`);
  }
}

/** A conditional put found the key already there: another run (or an earlier one) wrote it. */
export class ObjectExistsError extends UserError {
  override name = 'ObjectExistsError';
  constructor(
    readonly key: string,
    readonly url: string,
  ) {
    super(`${url} already exists, so it was not replaced; another run may be writing the same backup.`);
  }
}

export class ObjectNotFoundError extends UserError {
  override name = 'ObjectNotFoundError';
  constructor(
    readonly key: string,
    readonly url: string,
  ) {
    super(`${url} does not exist.`);
  }
}

/** Why a destination refused a write, in the terms a person fixes it in. */
export type RefusedWrite = 'full' | 'too-large' | 'read-only' | 'not-writable';

const REMEDIES: Record<RefusedWrite, string> = {
  full: 'Free space there (or raise its quota), or choose another destination.',
  'too-large': "Raise the store's object size limit (or its part size), or choose another destination.",
  'read-only': 'Make it writable (mount it read-write), or choose another destination.',
  'not-writable':
    'Give the user (or the storage credentials) running shipkit permission to write there, or choose another destination.',
};

const STATES: Record<RefusedWrite, string> = {
  full: 'is full',
  'too-large': 'refuses an object this large',
  'read-only': 'is read-only',
  'not-writable': 'is not writable',
};

/**
 * A destination that cannot take a write: full, read-only, not writable, or refusing the object's size.
 * The one place that words these for every backend (file:// errno codes, S3 error codes), naming the
 * destination by its URL, which never holds credentials.
 */
export class DestinationWriteError extends UserError {
  override name = 'DestinationWriteError';
  constructor(
    readonly kind: RefusedWrite,
    /** The destination's URL, e.g. `file:///backups` or `s3://bucket/prefix`. */
    readonly destination: string,
    /** What was being written, relative to the destination. */
    readonly key: string,
    /** The store's own word for it, e.g. `no space left on device, ENOSPC` or `AccessDenied, HTTP 403`. */
    readonly detail: string,
  ) {
    super(
      `The destination ${destination} ${STATES[kind]} (${detail}) while writing ${key}. ${REMEDIES[kind]}`,
    );
  }
}
