import { UserError } from '@shipkit/action-kit';

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
