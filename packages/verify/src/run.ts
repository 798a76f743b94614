import { Deadline, type Logger, ProgressReporter, UserError } from '@shipkit/action-kit';
import { connect, disconnect, type NamespaceRename, type RestorePlan } from '@shipkit/mongo';
import { type OpenStorageOptions, openStorage, type Storage } from '@shipkit/storage';
import type { MongoClient } from 'mongodb';
import { planBackupRestore, restoreBackup, verifyBackup } from './check';
import type { RunMode } from './options';
import type { VerificationReport } from './report';
import { type BackupSource, type LocateRequest, locateBackup } from './source';

/** Everything the verify-restore action (and the CLI's verify and restore) take, parsed once. */
export interface VerifyRestoreOptions {
  location: LocateRequest;
  mode: RunMode;
  /** Full mode: the scratch server. Secret. */
  scratchUri?: string;
  /** Restore mode: the target server. Secret. */
  targetUri?: string;
  /**
   * Restore mode: when set, the restore runs only if this lists the target databases (comma
   * separated, any order); otherwise the plan is returned as refused. The CLI leaves it unset.
   */
  confirm?: string;
  requireConfirmation?: boolean;
  /** Restore mode: compute and return the plan, write nothing. */
  dryRun?: boolean;
  /** The age identity (a key or an identity file's text). Secret. */
  identity?: string;
  identityInput: string;
  renames: NamespaceRename[];
  include: string[];
  exclude: string[];
  drop: boolean;
  parallelism: number;
  /** Bound on the whole run, the network included; the run ends shortly after it whatever servers do. */
  timeoutMs: number;
  /**
   * How long connecting to the scratch or target server may take; without it the URI's
   * serverSelectionTimeoutMS applies, else 30 s.
   */
  connectTimeoutMs?: number;
  storage: NonNullable<OpenStorageOptions['s3']>;
  /** Write verification.json after a passing check. */
  record?: boolean;
  /** Restore mode: read the restored data back and compare it (default true). */
  readBack?: boolean;
}

export interface RunDeps {
  logger: Logger;
  /** Cancels the run (SIGINT/SIGTERM). */
  signal?: AbortSignal;
  now?: () => Date;
  progressIntervalMs?: number;
  openStorage?: (url: string) => Storage;
  connect?: (uri: string) => Promise<MongoClient>;
}

export type RunOutcome =
  | { kind: 'report'; source: BackupSource; report: VerificationReport }
  /** Restore mode without a matching confirmation, or a dry run: what would be done. */
  | { kind: 'plan'; source: BackupSource; plan: RestorePlan; confirmation: Confirmation | undefined };

export interface Confirmation {
  /** What `confirm` must be: the target databases, comma separated. */
  expected: string;
  given: string;
  matches: boolean;
}

/** The comma-joined target databases `confirm` must equal (order and spaces do not matter). */
export function checkConfirmation(plan: RestorePlan, given: string | undefined): Confirmation {
  const expected = plan.targetDatabases.join(',');
  const listed = (given ?? '')
    .split(',')
    .map((db) => db.trim())
    .filter((db) => db !== '')
    .sort();
  return { expected, given: given ?? '', matches: listed.length > 0 && listed.join(',') === expected };
}

/**
 * Locates the backup, then verifies it (`integrity`, `full`) or restores it (`restore`) within the
 * timeout. Restore mode plans first: with a confirmation required and not matching, or in a dry run,
 * it returns the plan and writes nothing.
 */
export async function runVerifyRestore(options: VerifyRestoreOptions, deps: RunDeps): Promise<RunOutcome> {
  // One deadline for the run: storage requests, downloads and MongoDB commands are all bound to it.
  const deadline = new Deadline({
    run: `${options.mode} run`,
    timeoutMs: options.timeoutMs,
    ...(deps.signal && { signal: deps.signal }),
  });
  try {
    return await deadline.bound(verifyOrRestore(options, deps, deadline));
  } finally {
    deadline.dispose();
  }
}

async function verifyOrRestore(
  options: VerifyRestoreOptions,
  deps: RunDeps,
  deadline: Deadline,
): Promise<RunOutcome> {
  const open =
    deps.openStorage ??
    ((url: string) => openStorage(url, { s3: options.storage, logger: deps.logger, deadline }));
  const connectTo =
    deps.connect ??
    ((uri: string) =>
      connect(uri, {
        appName: 'shipkit-verify',
        deadline,
        ...(options.connectTimeoutMs !== undefined && { timeoutMs: options.connectTimeoutMs }),
      }));
  const clients: MongoClient[] = [];
  const opened: Storage[] = [];
  const openTracked = (url: string) => {
    const storage = open(url);
    opened.push(storage);
    return storage;
  };
  try {
    const source = await locateBackup(options.location, openTracked);
    for (const skipped of source.passedOver ?? []) {
      deps.logger.warn(`passed over damaged backup ${skipped.id}: ${skipped.damage.join('; ')}`);
    }
    if (options.mode === 'restore' && source.damage) {
      throw new UserError(
        `Backup ${source.backupId} is damaged (${source.damage.join('; ')}): it is not restored. ` +
          '`shipkit verify` on it names every problem; restore another backup, or, knowing the risk, ' +
          'restore its archive with stock mongorestore (docs/RECOVERY.md, "With stock tools only").',
      );
    }
    deps.logger.info(`reading ${source.url}${source.backupId ? ` (backup ${source.backupId})` : ''}`);
    const progress = new ProgressReporter({
      label: options.mode === 'restore' ? 'restore' : `verify (${options.mode})`,
      ...(source.manifest ? { totalBytes: source.manifest.totals.bytes } : {}),
      log: (line) => deps.logger.info(line),
      intervalMs: deps.progressIntervalMs ?? 10_000,
    });
    const common = {
      ...(options.identity ? { identity: options.identity } : {}),
      identityInput: options.identityInput,
      parallelism: options.parallelism,
      ...(options.record === undefined ? {} : { record: options.record }),
    };
    const checkDeps = {
      logger: deps.logger,
      signal: deadline.signal,
      progress,
      ...(deps.now ? { now: deps.now } : {}),
    };

    if (options.mode !== 'restore') {
      let scratch: MongoClient | undefined;
      if (options.mode === 'full') {
        if (!options.scratchUri) {
          throw new UserError("Mode 'full' restores into a scratch server: give 'scratch-mongodb-uri'.");
        }
        const client = await connectTo(options.scratchUri);
        clients.push(client);
        scratch = client;
      }
      const report = await verifyBackup(
        source,
        { ...common, mode: options.mode, renames: options.renames },
        { ...checkDeps, ...(scratch ? { scratch } : {}) },
      );
      progress.done();
      return { kind: 'report', source, report };
    }

    if (!options.targetUri)
      throw new UserError("Mode 'restore' needs the target server: give 'target-mongodb-uri'.");
    const target = await connectTo(options.targetUri);
    clients.push(target);
    const selection = { renames: options.renames, include: options.include, exclude: options.exclude };
    const plan = await planBackupRestore(source, { ...common, ...selection, drop: options.drop }, target);
    const confirmation = options.requireConfirmation ? checkConfirmation(plan, options.confirm) : undefined;
    if (options.dryRun || (confirmation && !confirmation.matches))
      return { kind: 'plan', source, plan, confirmation };
    const report = await restoreBackup(
      source,
      {
        ...common,
        ...selection,
        drop: options.drop,
        ...(options.readBack === false ? { readBack: false } : {}),
      },
      target,
      checkDeps,
    );
    progress.done();
    return { kind: 'report', source, report };
  } catch (error) {
    // A stopped run reports why it stopped; what failed because of the stop is only a consequence —
    // unless it is that reason itself, told in more detail (a cancelled restore lists its targets).
    const reason = deadline.reason;
    throw reason && !(error instanceof Error && error.cause === reason) ? reason : error;
  } finally {
    await Promise.allSettled(clients.map((client) => disconnect(client)));
    await Promise.allSettled(opened.map((storage) => storage.close()));
  }
}
