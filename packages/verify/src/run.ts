import { connect, disconnect, type NamespaceRename } from '@shipkit/mongo';
import { Deadline, type Logger, ProgressReporter } from '@shipkit/runtime';
import { type OpenStorageOptions, openStorage, type Storage } from '@shipkit/storage';
import type { MongoClient } from 'mongodb';
import { type ArchiveAccess, type CheckDeps, verifyBackup } from './check';
import type { VerificationReport } from './report';
import { type BackupSource, type LocateRequest, locateBackup } from './source';

/** What every run over one stored backup takes: a verification, a restore. */
export interface BackupRunOptions extends ArchiveAccess {
  location: LocateRequest;
  /** Insert batches in flight and namespaces read back at once. */
  parallelism: number;
  /** Bound on the whole run, the network included; the run ends shortly after it whatever servers do. */
  timeoutMs: number;
  /**
   * How long connecting to MongoDB may take; without it the URI's serverSelectionTimeoutMS
   * applies, else 30 s.
   */
  connectTimeoutMs?: number;
  storage: NonNullable<OpenStorageOptions['s3']>;
  /** Write a verification record after a passing check (default true). */
  record?: boolean;
}

/** A verification: `integrity` (no database) or `full` (restored into a scratch server and compared). */
export interface VerifyRunOptions extends BackupRunOptions {
  mode: 'integrity' | 'full';
  /** Full mode: the scratch server. Secret. */
  scratchUri?: string;
  /** Full mode: where each namespace is restored; default, fresh database names dropped after. */
  renames: NamespaceRename[];
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

/** A run under way over the backup it located. */
export interface BackupRun {
  source: BackupSource;
  deadline: Deadline;
  progress: ProgressReporter;
  /** What the check stages take from the run: its logger, its signal, its progress. */
  checkDeps: CheckDeps;
  /** Connects to a MongoDB server within the run's deadline; the client is closed when the run ends. */
  connect(uri: string): Promise<MongoClient>;
}

export interface RunLabel {
  /** How messages name the run: "integrity run", "restore run". */
  name: string;
  /** How progress lines start: "verify (full)", "restore". */
  progress: string;
}

/**
 * Locates the backup and runs `work` on it within the timeout and the caller's cancellation: one
 * deadline for the run, which every storage request, download and MongoDB command is bound to.
 * Every client and storage the run opened is closed when it ends, whatever happened.
 */
export async function onBackup<T>(
  options: BackupRunOptions,
  deps: RunDeps,
  label: RunLabel,
  work: (run: BackupRun) => Promise<T>,
): Promise<T> {
  const deadline = new Deadline({
    run: label.name,
    timeoutMs: options.timeoutMs,
    ...(deps.signal && { signal: deps.signal }),
  });
  const clients: MongoClient[] = [];
  const opened: Storage[] = [];
  const open =
    deps.openStorage ??
    ((url: string) => openStorage(url, { s3: options.storage, logger: deps.logger, deadline }));
  const connectTo =
    deps.connect ??
    ((uri: string) =>
      connect(uri, {
        appName: 'shipkit-verify',
        deadline,
        logger: deps.logger,
        ...(options.connectTimeoutMs !== undefined && { timeoutMs: options.connectTimeoutMs }),
      }));
  const run = async (): Promise<T> => {
    try {
      const source = await locateBackup(options.location, (url) => {
        const storage = open(url);
        opened.push(storage);
        return storage;
      });
      for (const skipped of source.passedOver ?? []) {
        deps.logger.warn(`passed over damaged backup ${skipped.id}: ${skipped.damage.join('; ')}`);
      }
      const parts = source.manifest?.parts?.archives.length;
      const atOnce = parts
        ? `, ${parts} parts, ${Math.min(parts, options.parallelParts ?? 1)} read at once`
        : '';
      deps.logger.info(
        `reading ${source.url}${source.backupId ? ` (backup ${source.backupId}${atOnce})` : ''}`,
      );
      const progress = new ProgressReporter({
        label: label.progress,
        ...(source.manifest ? { totalBytes: source.manifest.totals.bytes } : {}),
        log: (line) => deps.logger.info(line),
        intervalMs: deps.progressIntervalMs ?? 10_000,
      });
      const checkDeps: CheckDeps = {
        logger: deps.logger,
        signal: deadline.signal,
        progress,
        ...(deps.now ? { now: deps.now } : {}),
      };
      const connectTracked = async (uri: string) => {
        const client = await connectTo(uri);
        clients.push(client);
        return client;
      };
      return await work({ source, deadline, progress, checkDeps, connect: connectTracked });
    } catch (error) {
      // A stopped run reports why it stopped; what failed because of the stop is only a consequence —
      // unless it is that reason itself, told in more detail (a cancelled restore lists its targets).
      const reason = deadline.reason;
      throw reason && !(error instanceof Error && error.cause === reason) ? reason : error;
    } finally {
      await Promise.allSettled(clients.map((client) => disconnect(client)));
      await Promise.allSettled(opened.map((storage) => storage.close()));
    }
  };
  try {
    return await deadline.bound(run());
  } finally {
    deadline.dispose();
  }
}

/** The options of a run over a backup that the check stages take. */
export function archiveAccess(options: BackupRunOptions) {
  return {
    ...(options.identity ? { identity: options.identity } : {}),
    ...(options.identityOption ? { identityOption: options.identityOption } : {}),
    parallelism: options.parallelism,
    ...(options.parallelParts === undefined ? {} : { parallelParts: options.parallelParts }),
    ...(options.record === undefined ? {} : { record: options.record }),
  };
}

/**
 * Locates the backup and verifies it within the timeout: `integrity` streams the stored object once
 * with no database; `full` also restores it into the scratch server and compares what it reads back.
 */
export async function runVerify(
  options: VerifyRunOptions,
  deps: RunDeps,
): Promise<{ source: BackupSource; report: VerificationReport }> {
  const label = { name: `${options.mode} run`, progress: `verify (${options.mode})` };
  return onBackup(options, deps, label, async (run) => {
    const scratch =
      options.mode === 'full' && options.scratchUri ? await run.connect(options.scratchUri) : undefined;
    const report = await verifyBackup(
      run.source,
      { ...archiveAccess(options), mode: options.mode, renames: options.renames },
      { ...run.checkDeps, ...(scratch ? { scratch } : {}) },
    );
    run.progress.done();
    return { source: run.source, report };
  });
}
