import { IDENTITY_OPTION } from '@shipkit/backup';
import {
  describeOutcomes,
  NamespaceMapper,
  type NamespaceSelection,
  newRunId,
  planRestore,
  type RestorePlan,
  type RestoreProof,
  refusalError,
  Staging,
  SwapFailedError,
  type TargetOutcome,
} from '@shipkit/mongo';
import { errorMessage, type Logger, OptionError, UserError } from '@shipkit/runtime';
import {
  type ArchiveAccess,
  type BackupSource,
  type CheckDeps,
  identityFor,
  openBackupArchive,
  runCheck,
  type StagedSwap,
  type VerificationReport,
} from '@shipkit/verify';
import type { MongoClient } from 'mongodb';

export interface RestoreBackupOptions extends ArchiveAccess, NamespaceSelection {
  drop?: boolean;
  parallelism?: number;
  batchBytes?: number;
  /** Write a verification record (mode `restore`) when the restored data matches. Default true. */
  record?: boolean;
  /**
   * Read the restored namespaces back and compare them with the manifest. Default true; without it
   * the archive is still checked (CRCs, counts, content hashes) and refused documents still fail the
   * restore, but nothing proves what the target holds, so no verification record is written.
   */
  readBack?: boolean;
}

/**
 * The disaster-recovery path: restores into staging collections of `target`, reads them back and
 * checks them against the manifest (or, for a bare archive, against the archive itself), and swaps
 * them into place only when everything passed. Otherwise the staging is removed and the target left
 * as it was; the report (or the error thrown) says what each target namespace is.
 */
export async function restoreBackup(
  source: BackupSource,
  options: RestoreBackupOptions,
  target: MongoClient,
  deps: CheckDeps = {},
): Promise<VerificationReport> {
  return runCheck(
    source,
    'restore',
    options,
    {
      client: target,
      selection: options,
      drop: options.drop ?? false,
      swap: new StagedRestore(target, deps.logger),
      removeAfter: false,
      readBack: options.readBack ?? true,
    },
    deps,
  );
}

/** What a restore would do, from the archive's prelude and the target's current state; writes nothing. */
export async function planBackupRestore(
  source: BackupSource,
  options: ArchiveAccess & NamespaceSelection & { drop?: boolean },
  target: MongoClient,
): Promise<RestorePlan> {
  const mapper = new NamespaceMapper(options);
  const identity = await identityFor(source, options);
  const opened = await openBackupArchive(source, {
    ...(identity ? { identity } : {}),
    identityOption: options.identityOption ?? IDENTITY_OPTION,
  });
  try {
    for await (const event of opened.events) {
      if (event.type === 'prelude') {
        return await planRestore(target, event.namespaces, mapper, {
          drop: options.drop ?? false,
          run: newRunId(),
        });
      }
    }
    throw new Error(`${source.url} ended before its prelude`);
  } finally {
    await opened.close();
  }
}

/**
 * How a staged restore ends. The swap — the only step that replaces anything of the target — runs
 * when the proof holds: the archive read to its end with every CRC, no problem found (stored
 * SHA-256, counts and content hashes against the manifest, the staged data read back, no refused
 * document). Anything else, cancellation included, removes the staging and leaves the target as
 * it was.
 */
export class StagedRestore implements StagedSwap {
  readonly staging: Staging;

  constructor(target: MongoClient, logger?: Logger) {
    this.staging = new Staging(target, logger ? { logger } : {});
  }

  async settle(
    plan: RestorePlan,
    proof: RestoreProof,
    signal: AbortSignal | undefined,
  ): Promise<{ outcomes: TargetOutcome[]; problem?: string }> {
    if (signal?.aborted) throw await this.abandon(plan, signal.reason);
    if (!proof.archiveComplete || proof.problems.length > 0) {
      return { outcomes: await this.staging.discard(plan) };
    }
    try {
      return { outcomes: await this.staging.swap(plan, proof) };
    } catch (error) {
      if (error instanceof SwapFailedError) return { outcomes: error.outcomes, problem: error.summary };
      throw error;
    }
  }

  /** A restore that stops with an error: the staging is removed and the error says what each target is. */
  async abandon(plan: RestorePlan | undefined, error: unknown): Promise<unknown> {
    // Without a plan nothing was written; a refused plan wrote nothing either, and says so.
    if (!plan || refusalError(plan)) return error;
    const outcomes = `\n${describeOutcomes(await this.staging.discard(plan))}`;
    if (error instanceof OptionError) {
      const text = [...error.text, outcomes];
      return error.key === undefined
        ? OptionError.saying(text, { cause: error })
        : new OptionError(error.key, text, { cause: error });
    }
    const message = `${errorMessage(error)}${outcomes}`;
    return error instanceof UserError
      ? new UserError(message, { cause: error })
      : new Error(message, { cause: error });
  }
}
