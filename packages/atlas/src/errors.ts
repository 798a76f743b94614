import { UserError } from '@shipkit/runtime';
import type { Tier } from './tier';

/**
 * An error from the Atlas Administration API that the user can act on. `status` is the HTTP status and
 * `errorCode` Atlas's application code (`CLUSTER_NOT_FOUND`…) when there was an answer.
 */
export class AtlasApiError extends UserError {
  override name = 'AtlasApiError';
  constructor(
    message: string,
    readonly status?: number,
    readonly errorCode?: string,
  ) {
    super(message);
  }
}

/** Atlas did not accept the credentials (HTTP 401, or the token endpoint refused them). */
export class AtlasAuthError extends AtlasApiError {
  override name = 'AtlasAuthError';
}

/**
 * A request that creates something failed in a way Atlas may have acted on (a 5xx, a timeout, a dropped
 * connection); it was not sent again. `attempts` counts the tries made.
 */
export class AtlasMaybeReceivedError extends AtlasApiError {
  override name = 'AtlasMaybeReceivedError';
  constructor(
    message: string,
    readonly attempts: number,
    status?: number,
    errorCode?: string,
  ) {
    super(message, status, errorCode);
  }
}

/**
 * The run's deadline passed (or it was interrupted) before a network operation could finish. Not a
 * `UserError`: like a job that times out, it is a failed run (exit 1), not bad input.
 */
export class AtlasDeadlineError extends Error {
  override name = 'AtlasDeadlineError';
}

/** The operation does not exist for the cluster's tier (M0 has no Cloud Backup; Flex no on-demand snapshots…). */
export class UnsupportedTierError extends UserError {
  override name = 'UnsupportedTierError';
  constructor(
    message: string,
    readonly tier: Tier,
    readonly operation: string,
  ) {
    super(message);
  }
}

/**
 * A restore that replaces every document of its target was asked for without the exact name of that
 * target as confirmation. `expected` is the name to type; the edge says where to type it.
 */
export class RestoreNotConfirmedError extends UserError {
  override name = 'RestoreNotConfirmedError';
  constructor(
    message: string,
    readonly expected: string,
    readonly given: string | undefined,
  ) {
    super(message);
  }
}
