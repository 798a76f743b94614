import { createHash } from 'node:crypto';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ArchiveWriter } from '@shipkit/archive';
import { connect, type DumpPlan, disconnect, dumpDatabase } from '@shipkit/mongo';
import type { RetentionPolicy } from '@shipkit/retention';
import {
  CancelledError,
  DEFAULT_PARALLELISM,
  Deadline,
  DeadlineExceededError,
  formatBytes,
  type Logger,
  MemoryKeeper,
  OptionError,
  ProgressReporter,
} from '@shipkit/runtime';
import { openStorage, partSizeFor, type S3StorageOptions, type Storage } from '@shipkit/storage';
import type { MongoClient } from 'mongodb';
import { type Anomaly, DEFAULT_ANOMALY_DROP_PERCENT } from './anomaly';
import {
  checkCompressionLevel,
  checkRecipients,
  compressStream,
  DEFAULT_COMPRESSION,
  encryptStream,
} from './codec';
import { guardAgainstCollapse } from './guard';
import { archiveName, backupKeys, type Compression, newBackupId } from './layout';
import { MANIFEST_FORMAT_VERSION, type Manifest, manifestSchema, type SinglePartManifest } from './manifest';
import { type PruneResult, prune } from './prune';
import { TOOL } from './tool';

export interface BackupOptions {
  /** The source; never logged, stored or shown. */
  uri: string;
  /** `s3://bucket/prefix` or `file:///absolute/path`. */
  destination: string;
  /** S3 settings, for `s3://` destinations. */
  storage?: Omit<S3StorageOptions, 'logger'>;
  include?: string[];
  exclude?: string[];
  compression?: Compression;
  compressionLevel?: number;
  /** age X25519 recipients; empty = not encrypted. */
  recipients?: string[];
  parallelism?: number;
  retention?: RetentionPolicy;
  /** The anomaly guard's threshold in percent (default 50); 0 turns it off. */
  anomalyDropPercent?: number;
  /** The collapse the guard finds is intended: recorded as acknowledged, not reported as an anomaly. */
  acceptAnomaly?: boolean;
  /**
   * Bound on the whole run, the network included: every request is aborted when it passes, and the
   * run ends shortly after whatever the servers do. The default is no bound.
   */
  timeoutMs?: number;
  /**
   * How long the first connection may take before the source counts as unreachable; without it the
   * URI's serverSelectionTimeoutMS applies, else 30 s.
   */
  connectTimeoutMs?: number;
  progressIntervalMs?: number;
}

export interface BackupDeps {
  logger: Logger;
  now?: () => Date;
  /** Cancels the run (SIGINT/SIGTERM): the upload is aborted and no manifest is written. */
  signal?: AbortSignal;
  /** Lets a test open storage its own way. */
  storage?: Storage;
}

export interface BackupResult {
  backupId: string;
  backupUrl: string;
  manifestUrl: string;
  archiveUrl: string;
  manifest: SinglePartManifest;
  durationMs: number;
  prune?: PruneResult;
  /** The collapse this backup recorded (also in its manifest); `acceptedAt` set when it was accepted. */
  anomaly?: Anomaly;
}

/**
 * One pass, bounded memory, no temporary file:
 *   MongoDB ─raw BSON─▶ archive writer ─▶ compress ─▶ age (optional) ─▶ SHA-256 tap ─▶ storage
 * then manifest.json, written last and only if everything before it succeeded, as the commit marker.
 * Options are checked before anything connects, so bad input fails fast and leaves nothing behind.
 *
 * The run owns one deadline (the timeout, or a cancellation) that every network call is bound to.
 * Once it stops the run, the upload is aborted, no manifest is written, and the run ends within a
 * short grace even if a server never answers again.
 */
export async function runBackup(options: BackupOptions, deps: BackupDeps): Promise<BackupResult> {
  const compression = options.compression ?? DEFAULT_COMPRESSION;
  const recipients = options.recipients ?? [];
  const parallelism = options.parallelism ?? DEFAULT_PARALLELISM;
  checkCompressionLevel(compression, options.compressionLevel);
  checkRecipients(recipients);
  if (!Number.isInteger(parallelism) || parallelism < 1 || parallelism > 64) {
    throw new OptionError('parallelism', `must be a whole number from 1 to 64, got ${parallelism}.`);
  }
  const deadline = new Deadline({
    run: 'backup',
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
    ...(deps.signal && { signal: deps.signal }),
  });
  try {
    return await deadline.bound(backUp(options, deps, deadline, { compression, recipients, parallelism }));
  } finally {
    deadline.dispose();
  }
}

interface Settings {
  compression: Compression;
  recipients: string[];
  parallelism: number;
}

/** How far the commit got, so a stopped run says truthfully whether a backup exists. */
type CommitState = 'not-started' | 'manifest-sent' | 'committed';

/**
 * The run in named stages: reach the destination, connect, size the upload, stream the archive,
 * commit the manifest, prune. The outer `try` alone turns a stop into what it means for the commit.
 */
async function backUp(
  options: BackupOptions,
  deps: BackupDeps,
  deadline: Deadline,
  settings: Settings,
): Promise<BackupResult> {
  const now = deps.now ?? (() => new Date());
  const { logger } = deps;
  // The part size is fixed once the size is known (see below), so S3 storage reopens after connecting.
  let storage: Storage | undefined = deps.storage;
  const open = (s3: BackupOptions['storage']) =>
    openStorage(options.destination, { s3: s3 ?? {}, logger, deadline });

  const started = now();
  const commit: { state: CommitState } = { state: 'not-started' };
  try {
    // Reach the destination (bucket exists, credentials work) before connecting to the source.
    storage ??= open(options.storage);
    for await (const _ of storage.list('')) break;
    const client = await connect(options.uri, {
      ...(options.connectTimeoutMs !== undefined && { timeoutMs: options.connectTimeoutMs }),
      deadline,
      logger,
    });
    try {
      if (!deps.storage && options.storage?.partSize === undefined && storage.location.kind === 's3') {
        // A fixed part size sized to the data keeps upload memory small (a 1 TiB-ready part is 105 MiB).
        const partSize = partSizeFor(Math.max(2 * (await sourceDataSize(client)), 8 * 2 ** 30));
        await storage.close();
        storage = open({ ...options.storage, partSize });
      }
      const store = storage;
      const backupId = newBackupId(started);
      const archive = archiveName(settings.compression, settings.recipients.length > 0);
      const keys = backupKeys(backupId, archive);
      logger.info(`backup ${backupId} → ${store.describe(keys.archive)}`);
      const streamed = await streamArchive(client, store, keys.archive, options, settings, deadline, logger);
      const finished = now();
      const built = buildManifest({ backupId, started, finished, archive, options, settings }, streamed);
      // Compared with the previous backup before the commit: the anomaly is committed with it or not at all.
      const anomaly = await guardAgainstCollapse(store, built, {
        dropPercent: options.anomalyDropPercent ?? DEFAULT_ANOMALY_DROP_PERCENT,
        accept: options.acceptAnomaly ?? false,
        now: finished,
        logger,
      });
      const manifest: SinglePartManifest = anomaly ? { ...built, anomaly } : built;
      await commitManifest(store, keys.manifest, manifest, deadline, commit);
      logger.info(`backup ${backupId} committed: ${store.describe(keys.manifest)}`);

      const result: BackupResult = {
        backupId,
        backupUrl: store.describe(`${backupId}/`),
        manifestUrl: store.describe(keys.manifest),
        archiveUrl: store.describe(keys.archive),
        manifest,
        durationMs: now().getTime() - started.getTime(),
        ...(anomaly ? { anomaly } : {}),
      };
      if (options.retention) {
        result.prune = await prune(store, { policy: options.retention, now: now(), logger });
      }
      return result;
    } finally {
      await disconnect(client);
    }
  } catch (error) {
    // A stopped run reports why it stopped (what failed because of the stop is only a consequence),
    // and whether a backup was committed before it did.
    if (!deadline.stopped || commit.state === 'committed') throw error;
    throw stoppedBeforeCommit(deadline.reason, commit.state === 'manifest-sent');
  } finally {
    if (!deps.storage) await storage?.close();
  }
}

interface Streamed {
  dumped: Awaited<ReturnType<typeof dumpDatabase>>;
  storedBytes: number;
  sha256: string;
}

/**
 * The stream stage: MongoDB ─▶ archive writer ─▶ compress ─▶ age (optional) ─▶ SHA-256 tap ─▶
 * storage, every part bound to the deadline; returns what the dump found and what was stored.
 */
async function streamArchive(
  client: MongoClient,
  store: Storage,
  key: string,
  options: BackupOptions,
  { compression, recipients, parallelism }: Settings,
  deadline: Deadline,
  logger: Logger,
): Promise<Streamed> {
  const writer = new ArchiveWriter();
  const stopWriter = () => writer.abort(deadline.reason as Error);
  deadline.signal.addEventListener('abort', stopWriter, { once: true });
  const sha256 = createHash('sha256');
  let storedBytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sha256.update(chunk);
      storedBytes += chunk.length;
      done(null, chunk);
    },
  });
  const compressed = writer.stream.pipe(compressStream(compression, options.compressionLevel));
  writer.stream.on('error', (error) => compressed.destroy(error));
  const sealed: Readable = recipients.length > 0 ? await encryptStream(compressed, recipients) : compressed;
  const stored = pipeline(sealed, tap);
  const upload = store.put(key, tap, { contentType: 'application/octet-stream' });

  const memory = new MemoryKeeper();
  const progress = new ProgressReporter({
    label: 'backup',
    log: (line) => logger.info(line),
    intervalMs: options.progressIntervalMs ?? 10_000,
  });
  const onPlan = (plan: DumpPlan) => {
    logger.info(`${plan.namespaces} namespaces, about ${plan.documents} documents`);
    progress.setTotals({ documents: plan.documents, ...(plan.bytes > 0 ? { bytes: plan.bytes } : {}) });
  };
  const dump = dumpDatabase(
    {
      client,
      include: options.include ?? [],
      exclude: options.exclude ?? [],
      parallelism,
      signal: deadline.signal,
      logger,
      onPlan,
      onProgress: (bytes, documents) => {
        progress.add(bytes, documents);
        memory.add(bytes);
      },
      toolVersion: `${TOOL.name} ${TOOL.version}`,
    },
    writer,
  );

  const [dumped, put] = await allStages(deadline, [dump, upload, stored] as const);
  deadline.signal.removeEventListener('abort', stopWriter);
  progress.done();
  const digest = sha256.digest('hex');
  logger.info(
    `archive stored: ${formatBytes(storedBytes)} in ${put.parts} part${put.parts === 1 ? '' : 's'}, SHA-256 ${digest}`,
  );
  return { dumped, storedBytes, sha256: digest };
}

/** The manifest of a stored archive (pure). */
function buildManifest(
  run: {
    backupId: string;
    started: Date;
    finished: Date;
    archive: string;
    options: BackupOptions;
    settings: Settings;
  },
  { dumped, storedBytes, sha256 }: Streamed,
): SinglePartManifest {
  const { options, settings } = run;
  return manifestSchema.parse({
    formatVersion: MANIFEST_FORMAT_VERSION,
    backupId: run.backupId,
    startedAt: run.started.toISOString(),
    finishedAt: run.finished.toISOString(),
    tool: TOOL,
    source: {
      serverVersion: dumped.server.serverVersion,
      topology: dumped.server.topology,
      ...(dumped.server.flavor ? { flavor: dumped.server.flavor } : {}),
      databases: dumped.databases,
    },
    settings: {
      include: options.include ?? [],
      exclude: options.exclude ?? [],
      compression: settings.compression,
      ...(options.compressionLevel === undefined ? {} : { compressionLevel: options.compressionLevel }),
      parallelism: settings.parallelism,
    },
    archive: {
      key: run.archive,
      format: 'mongodump-archive',
      compression: settings.compression,
      recipients: settings.recipients,
      size: storedBytes,
      sha256,
    },
    totals: {
      namespaces: dumped.namespaces.length,
      documents: dumped.namespaces.reduce((sum, ns) => sum + ns.count, 0),
      bytes: dumped.namespaces.reduce((sum, ns) => sum + ns.bytes, 0),
    },
    namespaces: dumped.namespaces,
  } satisfies Manifest) as SinglePartManifest;
}

/** The commit marker: only once it is written does the backup exist. Never sent once the run has stopped. */
async function commitManifest(
  store: Storage,
  key: string,
  manifest: Manifest,
  deadline: Deadline,
  commit: { state: CommitState },
): Promise<void> {
  deadline.throwIfStopped();
  commit.state = 'manifest-sent';
  await store.put(key, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), {
    contentType: 'application/json',
    ifNoneMatch: true,
  });
  commit.state = 'committed';
}

/**
 * Waits for every stage of the stream (dump, upload, compression) and, when one fails, stops the
 * run so the others stop too, then reports the failure that caused the rest: the disk that filled
 * up, not the "operation was aborted" of the stream it cut short.
 */
export async function allStages<const T extends readonly Promise<unknown>[]>(
  deadline: Deadline,
  stages: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const watched = stages.map((stage) =>
    stage.catch((error: unknown) => {
      if (!isConsequence(error)) deadline.stop(error);
      throw error;
    }),
  );
  const settled = await Promise.allSettled(watched);
  const failures = settled.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
  if (failures.length === 0) {
    return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as {
      -readonly [K in keyof T]: Awaited<T[K]>;
    };
  }
  throw deadline.reason ?? failures.find((error) => !isConsequence(error)) ?? failures[0];
}

/** Errors a stream stage fails with because another stage broke the chain, not for a reason of its own. */
function isConsequence(error: unknown): boolean {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  return (
    name === 'AbortError' ||
    code === 'ABORT_ERR' ||
    code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    code === 'ERR_STREAM_DESTROYED'
  );
}

/** A timeout or a cancellation says whether the backup was committed: it was not, or it may have been. */
export function stoppedBeforeCommit(reason: Error | undefined, manifestSent: boolean): Error {
  if (!(reason instanceof DeadlineExceededError || reason instanceof CancelledError)) {
    return reason ?? new Error('the backup was stopped');
  }
  const message = manifestSent
    ? `${reason.message} The manifest was being written: the backup may or may not be committed (\`shipkit list\` shows which).`
    : `${reason.message} No backup was committed: no manifest was written.`;
  return reason instanceof CancelledError
    ? new CancelledError(message, reason.signal)
    : new DeadlineExceededError(message);
}

/** The uncompressed size of every database the user can see; 0 when the server will not say. */
export async function sourceDataSize(client: MongoClient): Promise<number> {
  try {
    const { databases } = await client
      .db('admin')
      .admin()
      .listDatabases({ nameOnly: true, authorizedDatabases: true });
    let total = 0;
    for (const { name } of databases) {
      if (name === 'local' || name === 'config') continue;
      const stats = await client
        .db(name)
        .stats()
        .catch(() => undefined);
      total += Number(stats?.dataSize ?? 0);
    }
    return total;
  } catch {
    return 0;
  }
}
