import { createHash } from 'node:crypto';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Logger, MemoryKeeper, ProgressReporter, UserError } from '@shipkit/action-kit';
import { ArchiveWriter } from '@shipkit/archive';
import { connect, type DumpPlan, dumpDatabase } from '@shipkit/mongo';
import type { RetentionPolicy } from '@shipkit/retention';
import { openStorage, partSizeFor, type S3StorageOptions, type Storage } from '@shipkit/storage';
import type { MongoClient } from 'mongodb';
import { checkCompressionLevel, checkRecipients, compressStream, encryptStream } from './codec';
import { archiveName, backupKeys, type Compression, newBackupId } from './layout';
import { type Manifest, MANIFEST_FORMAT_VERSION, manifestSchema } from './manifest';
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
  /** Bound on the whole run; the default is no bound. */
  timeoutMs?: number;
  /** How long the first connection may take before the source counts as unreachable. */
  connectTimeoutMs?: number;
  progressIntervalMs?: number;
}

export interface BackupDeps {
  logger: Logger;
  now?: () => Date;
  signal?: AbortSignal;
  /** Lets a test open storage its own way. */
  storage?: Storage;
}

export interface BackupResult {
  backupId: string;
  backupUrl: string;
  manifestUrl: string;
  archiveUrl: string;
  manifest: Manifest;
  durationMs: number;
  prune?: PruneResult;
}

/**
 * One pass, bounded memory, no temporary file:
 *   MongoDB ─raw BSON─▶ archive writer ─▶ compress ─▶ age (optional) ─▶ SHA-256 tap ─▶ storage
 * then manifest.json, written last and only if everything before it succeeded, as the commit marker.
 * Options are checked before anything connects, so bad input fails fast and leaves nothing behind.
 */
export async function runBackup(options: BackupOptions, deps: BackupDeps): Promise<BackupResult> {
  const now = deps.now ?? (() => new Date());
  const { logger } = deps;
  const compression = options.compression ?? 'zstd';
  const recipients = options.recipients ?? [];
  const parallelism = options.parallelism ?? 4;
  checkCompressionLevel(compression, options.compressionLevel);
  checkRecipients(recipients);
  if (!Number.isInteger(parallelism) || parallelism < 1 || parallelism > 64) {
    throw new UserError(`Input 'parallelism' must be a whole number from 1 to 64, got ${parallelism}.`);
  }
  // The part size is fixed once the size is known (see `openDestination`), so storage opens after connecting.
  let storage: Storage | undefined = deps.storage;

  const controller = new AbortController();
  const abort = (reason: Error) => controller.abort(reason);
  deps.signal?.addEventListener('abort', () => abort(new UserError('The backup was cancelled.')), {
    once: true,
  });
  const timer =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(
          () =>
            abort(new UserError(`The backup did not finish within the timeout (${options.timeoutMs} ms).`)),
          options.timeoutMs,
        );

  const started = now();
  try {
    // Reach the destination (bucket exists, credentials work) before connecting to the source.
    storage ??= openStorage(options.destination, { s3: options.storage ?? {}, logger });
    for await (const _ of storage.list('')) break;
    const client = await connect(options.uri, { timeoutMs: options.connectTimeoutMs ?? 30_000 });
    try {
      if (!deps.storage && options.storage?.partSize === undefined && storage.location.kind === 's3') {
        // A fixed part size sized to the data keeps upload memory small (a 1 TiB-ready part is 105 MiB).
        const partSize = partSizeFor(Math.max(2 * (await sourceDataSize(client)), 8 * 2 ** 30));
        await storage.close();
        storage = openStorage(options.destination, { s3: { ...options.storage, partSize }, logger });
      }
      const store = storage;
      const backupId = newBackupId(started);
      const archive = archiveName(compression, recipients.length > 0);
      const keys = backupKeys(backupId, archive);
      logger.info(`backup ${backupId} → ${store.describe(keys.archive)}`);

      const writer = new ArchiveWriter();
      controller.signal.addEventListener('abort', () => writer.abort(controller.signal.reason as Error), {
        once: true,
      });
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
      const sealed: Readable =
        recipients.length > 0 ? await encryptStream(compressed, recipients) : compressed;
      const stored = pipeline(sealed, tap).catch((error: unknown) => {
        writer.abort(error as Error);
        throw error;
      });
      const upload = store.put(keys.archive, tap, { contentType: 'application/octet-stream' });

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
          signal: controller.signal,
          logger,
          onPlan,
          onProgress: (bytes, documents) => {
            progress.add(bytes, documents);
            memory.add(bytes);
          },
          toolVersion: `${TOOL.name} ${TOOL.version}`,
        },
        writer,
      ).catch((error: unknown) => {
        writer.abort(error as Error);
        throw error;
      });

      const [dumped] = await Promise.all([dump, upload, stored]);
      progress.done();
      const finished = now();
      const manifest = manifestSchema.parse({
        formatVersion: MANIFEST_FORMAT_VERSION,
        backupId,
        startedAt: started.toISOString(),
        finishedAt: finished.toISOString(),
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
          compression,
          ...(options.compressionLevel === undefined ? {} : { compressionLevel: options.compressionLevel }),
          parallelism,
        },
        archive: {
          key: archive,
          format: 'mongodump-archive',
          compression,
          recipients,
          size: storedBytes,
          sha256: sha256.digest('hex'),
        },
        totals: {
          namespaces: dumped.namespaces.length,
          documents: dumped.namespaces.reduce((sum, ns) => sum + ns.count, 0),
          bytes: dumped.namespaces.reduce((sum, ns) => sum + ns.bytes, 0),
        },
        namespaces: dumped.namespaces,
      } satisfies Manifest);
      if (controller.signal.aborted) throw controller.signal.reason;
      // The commit marker: only now does the backup exist.
      await store.put(keys.manifest, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), {
        contentType: 'application/json',
        ifNoneMatch: true,
      });
      logger.info(`backup ${backupId} committed: ${store.describe(keys.manifest)}`);

      const result: BackupResult = {
        backupId,
        backupUrl: store.describe(`${backupId}/`),
        manifestUrl: store.describe(keys.manifest),
        archiveUrl: store.describe(keys.archive),
        manifest,
        durationMs: now().getTime() - started.getTime(),
      };
      if (options.retention) {
        result.prune = await prune(store, { policy: options.retention, now: now(), logger });
      }
      return result;
    } finally {
      await client.close();
    }
  } finally {
    if (timer) clearTimeout(timer);
    if (!deps.storage) await storage?.close();
  }
}

/** The uncompressed size of every database the user can see; 0 when the server will not say. */
async function sourceDataSize(client: MongoClient): Promise<number> {
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
