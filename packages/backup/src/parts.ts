import { createHash } from 'node:crypto';
import { type Readable, Transform } from 'node:stream';
import { text } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { ArchiveWriter } from '@shipkit/archive';
import { assignedNamespaces, connect, disconnect, dumpDatabase, MAX_PARTS, planSplit } from '@shipkit/mongo';
import {
  DEFAULT_PARALLELISM,
  Deadline,
  formatBytes,
  type Logger,
  OptionError,
  UserError,
} from '@shipkit/runtime';
import { ObjectNotFoundError, openStorage, type S3StorageOptions, type Storage } from '@shipkit/storage';
import { z } from 'zod';
import {
  checkCompressionLevel,
  checkRecipients,
  compressStream,
  DEFAULT_COMPRESSION,
  encryptStream,
} from './codec';
import {
  type Compression,
  MANIFEST_NAME,
  newBackupId,
  PLAN_NAME,
  partArchiveName,
  partRecordName,
} from './layout';
import {
  backupIdSchema,
  hex64,
  type Manifest,
  MULTI_PART_FORMAT_VERSION,
  manifestSchema,
  partNamespaceSchema,
  partsDigest,
  sumParts,
} from './manifest';
import { allStages, stoppedBeforeCommit } from './pipeline';
import { TOOL } from './tool';

/**
 * A backup in parts, for a database that outgrows one runner: `plan` reads the catalogue once and
 * deals whole collections and `_id` ranges to N parts; each `part` (any order, any machine, re-run at
 * will) writes a self-contained mongodump archive and then its record; `finalize` checks every part
 * against its record and writes manifest.json last. Until then the backup is incomplete, as always.
 */

const compression = z.enum(['zstd', 'gzip', 'none']);
const isoTime = z.iso.datetime();
const ejsonObject = z.record(z.string(), z.unknown());

export const PLAN_FORMAT_VERSION = 1;

export const planSchema = z
  .object({
    formatVersion: z.literal(PLAN_FORMAT_VERSION),
    backupId: backupIdSchema,
    /** When the catalogue was read: the backup's `startedAt`. */
    plannedAt: isoTime,
    tool: z.object({ name: z.string(), version: z.string() }).strict(),
    source: z
      .object({
        serverVersion: z.string(),
        topology: z.enum(['standalone', 'replicaSet', 'sharded', 'unknown']),
        flavor: z.string().optional(),
        databases: z.array(z.string()),
      })
      .strict(),
    settings: z
      .object({
        include: z.array(z.string()),
        exclude: z.array(z.string()),
        compression,
        compressionLevel: z.number().int().optional(),
        recipients: z.array(z.string().regex(/^age1[0-9a-z]+$/)),
      })
      .strict(),
    namespaces: z.array(
      z
        .object({
          db: z.string().min(1),
          collection: z.string().min(1),
          type: z.enum(['collection', 'view', 'timeseries']),
          dataCollection: z.string().optional(),
          capped: z.boolean(),
          options: ejsonObject,
          indexes: z.array(ejsonObject),
          uuid: z.string().optional(),
          estimatedCount: z.number().nonnegative(),
          estimatedBytes: z.number().nonnegative(),
        })
        .strict(),
    ),
    parts: z
      .array(
        z
          .object({
            part: z.number().int().min(1).max(MAX_PARTS),
            estimatedBytes: z.number().nonnegative(),
            units: z.array(
              z
                .object({
                  db: z.string(),
                  collection: z.string(),
                  filter: ejsonObject,
                  estimatedBytes: z.number().nonnegative(),
                })
                .strict(),
            ),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_PARTS),
  })
  .strict();

export type BackupPlan = z.infer<typeof planSchema>;

export const PART_RECORD_FORMAT_VERSION = 1;

/** What a part wrote, written after its archive: finalize trusts nothing else. */
export const partRecordSchema = z
  .object({
    formatVersion: z.literal(PART_RECORD_FORMAT_VERSION),
    backupId: backupIdSchema,
    part: z.number().int().min(1).max(MAX_PARTS),
    parts: z.number().int().min(1).max(MAX_PARTS),
    startedAt: isoTime,
    finishedAt: isoTime,
    tool: z.object({ name: z.string(), version: z.string() }).strict(),
    archive: z
      .object({
        key: z.string(),
        compression,
        size: z.number().int().nonnegative(),
        sha256: hex64,
      })
      .strict(),
    namespaces: z.array(partNamespaceSchema),
  })
  .strict();

export type PartRecord = z.infer<typeof partRecordSchema>;

interface StorageSettings {
  /** `s3://bucket/prefix` or `file:///absolute/path`. */
  destination: string;
  storage?: Omit<S3StorageOptions, 'logger'>;
  timeoutMs?: number;
}

export interface PlanOptions extends StorageSettings {
  uri: string;
  parts: number;
  include?: string[];
  exclude?: string[];
  compression?: Compression;
  compressionLevel?: number;
  recipients?: string[];
  connectTimeoutMs?: number;
}

export interface PartOptions extends StorageSettings {
  uri: string;
  backupId: string;
  part: number;
  parallelism?: number;
  connectTimeoutMs?: number;
}

export interface FinalizeOptions extends StorageSettings {
  backupId: string;
}

export interface PartsDeps {
  logger: Logger;
  now?: () => Date;
  signal?: AbortSignal;
  /** Lets a test open storage its own way. */
  storage?: Storage;
}

export interface PlanResult {
  backupId: string;
  parts: number;
  planUrl: string;
  /** Estimated bytes per part, in part order. */
  estimatedBytes: number[];
  /** `[1, 2, … n]`: the matrix of a workflow running the parts. */
  matrix: number[];
}

export interface PartResult {
  backupId: string;
  part: number;
  record: PartRecord;
  archiveUrl: string;
}

export interface FinalizeResult {
  backupId: string;
  manifest: Manifest;
  manifestUrl: string;
}

/** Runs `work` with the run's deadline and storage, closing both however it ends. */
async function withStorage<T>(
  run: string,
  options: StorageSettings,
  deps: PartsDeps,
  work: (storage: Storage, deadline: Deadline) => Promise<T>,
): Promise<T> {
  const deadline = new Deadline({
    run,
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
    ...(deps.signal && { signal: deps.signal }),
  });
  const storage =
    deps.storage ??
    openStorage(options.destination, { s3: options.storage ?? {}, logger: deps.logger, deadline });
  try {
    return await deadline.bound(work(storage, deadline));
  } finally {
    if (!deps.storage) await storage.close();
    deadline.dispose();
  }
}

/** Reads the catalogue once and writes `<backup-id>/plan.json`; no data is read yet. */
export async function runPlan(options: PlanOptions, deps: PartsDeps): Promise<PlanResult> {
  const compressionChoice = options.compression ?? DEFAULT_COMPRESSION;
  const recipients = options.recipients ?? [];
  checkCompressionLevel(compressionChoice, options.compressionLevel);
  checkRecipients(recipients);
  if (!Number.isInteger(options.parts) || options.parts < 1 || options.parts > MAX_PARTS) {
    throw new OptionError('parts', `must be a whole number from 1 to ${MAX_PARTS}, got ${options.parts}.`);
  }
  const now = deps.now ?? (() => new Date());
  return withStorage('backup plan', options, deps, async (storage, deadline) => {
    for await (const _ of storage.list('')) break;
    const client = await connect(options.uri, {
      ...(options.connectTimeoutMs !== undefined && { timeoutMs: options.connectTimeoutMs }),
      deadline,
    });
    try {
      const plannedAt = now();
      const split = await planSplit({
        client,
        parts: options.parts,
        include: options.include ?? [],
        exclude: options.exclude ?? [],
        signal: deadline.signal,
        logger: deps.logger,
      });
      const backupId = newBackupId(plannedAt);
      const plan = planSchema.parse({
        formatVersion: PLAN_FORMAT_VERSION,
        backupId,
        plannedAt: plannedAt.toISOString(),
        tool: TOOL,
        source: {
          serverVersion: split.server.serverVersion,
          topology: split.server.topology,
          ...(split.server.flavor ? { flavor: split.server.flavor } : {}),
          databases: split.databases,
        },
        settings: {
          include: options.include ?? [],
          exclude: options.exclude ?? [],
          compression: compressionChoice,
          ...(options.compressionLevel === undefined ? {} : { compressionLevel: options.compressionLevel }),
          recipients,
        },
        namespaces: split.namespaces,
        parts: split.parts,
      } satisfies BackupPlan);
      const key = `${backupId}/${PLAN_NAME}`;
      deadline.throwIfStopped();
      await storage.put(key, Buffer.from(`${JSON.stringify(plan, null, 2)}\n`), {
        contentType: 'application/json',
        ifNoneMatch: true,
      });
      const estimatedBytes = plan.parts.map((p) => p.estimatedBytes);
      deps.logger.info(
        `backup ${backupId}: ${plan.namespaces.length} namespaces in ${plan.parts.length} parts of about ` +
          estimatedBytes.map((b) => formatBytes(b)).join(', '),
      );
      return {
        backupId,
        parts: plan.parts.length,
        planUrl: storage.describe(key),
        estimatedBytes,
        matrix: plan.parts.map((p) => p.part),
      };
    } finally {
      await disconnect(client);
    }
  });
}

/** The plan of a backup, validated; a missing or broken plan is the user's to fix. */
export async function readPlan(storage: Storage, backupId: string): Promise<BackupPlan> {
  if (!backupIdSchema.safeParse(backupId).success) {
    throw new OptionError(
      'backup',
      `must be a backup id such as 2026-11-25T030000Z-1a2b3c, got '${backupId}'.`,
    );
  }
  const key = `${backupId}/${PLAN_NAME}`;
  let raw: string;
  try {
    raw = await text(await storage.get(key));
  } catch (error) {
    if (!(error instanceof ObjectNotFoundError)) throw error;
    throw new UserError(
      `Backup ${backupId} has no plan at ${storage.describe(key)}: run \`shipkit backup plan\` first and pass the backup id it prints.`,
    );
  }
  const parsed = planSchema.safeParse(safeJson(raw));
  if (!parsed.success || parsed.data.backupId !== backupId) {
    const issue = parsed.success ? undefined : parsed.error.issues[0];
    throw new UserError(
      `${storage.describe(key)} is not a valid plan for backup ${backupId}` +
        (issue ? `: ${issue.path.join('.') || '(root)'}: ${issue.message}` : ': it names another backup') +
        '.',
    );
  }
  return parsed.data;
}

/**
 * Writes part K: its archive (the standard format, its own prelude, so stock mongorestore reads it
 * alone), then its record. The old record goes first, so a re-run that fails leaves the part missing
 * rather than a record describing another archive; other parts are never touched.
 */
export async function runPart(options: PartOptions, deps: PartsDeps): Promise<PartResult> {
  const parallelism = options.parallelism ?? DEFAULT_PARALLELISM;
  if (!Number.isInteger(parallelism) || parallelism < 1 || parallelism > 64) {
    throw new OptionError('parallelism', `must be a whole number from 1 to 64, got ${parallelism}.`);
  }
  const now = deps.now ?? (() => new Date());
  return withStorage('backup part', options, deps, async (storage, deadline) => {
    const plan = await readPlan(storage, options.backupId);
    const planned = plan.parts.find((p) => p.part === options.part);
    if (!planned) {
      throw new OptionError(
        'part',
        `must be a part of backup ${plan.backupId}: 1 to ${plan.parts.length}, got ${options.part}.`,
      );
    }
    if (await storage.head(`${plan.backupId}/${MANIFEST_NAME}`)) {
      throw new UserError(
        `Backup ${plan.backupId} is already finalized (it has a manifest): its parts can no longer be written.`,
      );
    }
    const { settings } = plan;
    const recipients = settings.recipients;
    const archiveKey = `${plan.backupId}/${partArchiveName(options.part, settings.compression, recipients.length > 0)}`;
    const recordKey = `${plan.backupId}/${partRecordName(options.part)}`;
    const assigned = assignedNamespaces(plan.namespaces, planned);
    const client = await connect(options.uri, {
      ...(options.connectTimeoutMs !== undefined && { timeoutMs: options.connectTimeoutMs }),
      deadline,
    });
    try {
      const startedAt = now();
      await storage.delete(recordKey);
      deps.logger.info(
        `backup ${plan.backupId} part ${options.part}/${plan.parts.length} → ${storage.describe(archiveKey)}`,
      );

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
      const compressed = writer.stream.pipe(compressStream(settings.compression, settings.compressionLevel));
      writer.stream.on('error', (error) => compressed.destroy(error));
      const sealed: Readable =
        recipients.length > 0 ? await encryptStream(compressed, recipients) : compressed;
      const stored = pipeline(sealed, tap);
      const upload = storage.put(archiveKey, tap, { contentType: 'application/octet-stream' });
      const dump = dumpDatabase(
        {
          client,
          assigned,
          parallelism,
          signal: deadline.signal,
          logger: deps.logger,
          toolVersion: `${TOOL.name} ${TOOL.version}`,
        },
        writer,
      );
      const [dumped] = await allStages(deadline, [dump, upload, stored] as const);
      deadline.signal.removeEventListener('abort', stopWriter);

      const record = partRecordSchema.parse({
        formatVersion: PART_RECORD_FORMAT_VERSION,
        backupId: plan.backupId,
        part: options.part,
        parts: plan.parts.length,
        startedAt: startedAt.toISOString(),
        finishedAt: now().toISOString(),
        tool: TOOL,
        archive: {
          key: archiveKey.slice(plan.backupId.length + 1),
          compression: settings.compression,
          size: storedBytes,
          sha256: sha256.digest('hex'),
        },
        namespaces: dumped.namespaces.map(({ db, collection, count, bytes, crc, contentHash }) => ({
          db,
          collection,
          count,
          bytes,
          crc,
          contentHash,
        })),
      } satisfies PartRecord);
      deadline.throwIfStopped();
      await storage.put(recordKey, Buffer.from(`${JSON.stringify(record, null, 2)}\n`), {
        contentType: 'application/json',
      });
      deps.logger.info(
        `part ${options.part}: ${record.namespaces.reduce((sum, ns) => sum + ns.count, 0)} documents, ` +
          `${formatBytes(storedBytes)} stored, SHA-256 ${record.archive.sha256}`,
      );
      return {
        backupId: plan.backupId,
        part: options.part,
        record,
        archiveUrl: storage.describe(archiveKey),
      };
    } catch (error) {
      if (!deadline.stopped) throw error;
      throw stoppedBeforeCommit(deadline.reason, false);
    } finally {
      await disconnect(client);
    }
  });
}

/**
 * Checks every part — its record is there, names this backup and part, and its archive is there at
 * the record's size with the record's SHA-256 (read back) — then writes manifest.json, the commit
 * marker, last. Any missing or inconsistent part fails naming it, and no manifest is written.
 */
export async function runFinalize(options: FinalizeOptions, deps: PartsDeps): Promise<FinalizeResult> {
  const now = deps.now ?? (() => new Date());
  return withStorage('backup finalize', options, deps, async (storage, deadline) => {
    const plan = await readPlan(storage, options.backupId);
    const { backupId } = plan;
    const manifestKey = `${backupId}/${MANIFEST_NAME}`;
    if (await storage.head(manifestKey)) {
      throw new UserError(
        `Backup ${backupId} is already finalized: ${storage.describe(manifestKey)} exists.`,
      );
    }
    const sizes = new Map<string, number>();
    for await (const object of storage.list(`${backupId}/`)) sizes.set(object.key, object.size);

    const problems: string[] = [];
    const archives: NonNullable<Manifest['parts']>['archives'] = [];
    for (const planned of plan.parts) {
      const part = planned.part;
      const checked = await checkPart(storage, plan, part, sizes, deadline.signal);
      if (typeof checked === 'string') problems.push(`part ${part}: ${checked}`);
      else archives.push(checked);
    }
    if (problems.length > 0) {
      throw new UserError(
        `Backup ${backupId} cannot be finalized; no manifest was written. ${problems.join('; ')}. ` +
          'Re-run each part named (shipkit backup part --part K), then finalize again.',
      );
    }
    const compressionChoice = plan.settings.compression;
    const namespaces = plan.namespaces.map((ns) => {
      const summed = sumParts(archives, ns.db, ns.collection);
      return {
        db: ns.db,
        collection: ns.collection,
        type: ns.type,
        ...summed,
        options: ns.options,
        indexes: ns.indexes,
        ...(ns.uuid ? { uuid: ns.uuid } : {}),
      };
    });
    const manifest = manifestSchema.parse({
      formatVersion: MULTI_PART_FORMAT_VERSION,
      backupId,
      startedAt: plan.plannedAt,
      finishedAt: now().toISOString(),
      tool: TOOL,
      source: plan.source,
      settings: {
        include: plan.settings.include,
        exclude: plan.settings.exclude,
        compression: compressionChoice,
        ...(plan.settings.compressionLevel === undefined
          ? {}
          : { compressionLevel: plan.settings.compressionLevel }),
        parallelism: plan.parts.length,
      },
      parts: {
        compression: compressionChoice,
        recipients: plan.settings.recipients,
        plannedAt: plan.plannedAt,
        size: archives.reduce((sum, a) => sum + a.size, 0),
        sha256: partsDigest(archives),
        archives,
      },
      totals: {
        namespaces: namespaces.length,
        documents: namespaces.reduce((sum, ns) => sum + ns.count, 0),
        bytes: namespaces.reduce((sum, ns) => sum + ns.bytes, 0),
      },
      namespaces,
    } satisfies Manifest);
    deadline.throwIfStopped();
    await storage.put(manifestKey, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), {
      contentType: 'application/json',
      ifNoneMatch: true,
    });
    deps.logger.info(
      `backup ${backupId} committed in ${archives.length} parts: ${storage.describe(manifestKey)}`,
    );
    return { backupId, manifest, manifestUrl: storage.describe(manifestKey) };
  });
}

type CheckedPart = NonNullable<Manifest['parts']>['archives'][number];

/** The manifest's entry for one part, or what is wrong with it. */
async function checkPart(
  storage: Storage,
  plan: BackupPlan,
  part: number,
  sizes: ReadonlyMap<string, number>,
  signal: AbortSignal,
): Promise<CheckedPart | string> {
  const recordName = partRecordName(part);
  const recordKey = `${plan.backupId}/${recordName}`;
  if (!sizes.has(recordKey)) return `its record ${recordName} is missing (the part never finished)`;
  let raw: string;
  try {
    raw = await text(await storage.get(recordKey));
  } catch (error) {
    if (error instanceof ObjectNotFoundError) return `its record ${recordName} is missing`;
    throw error;
  }
  const parsed = partRecordSchema.safeParse(safeJson(raw));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `its record ${recordName} is not valid: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`;
  }
  const record = parsed.data;
  if (record.backupId !== plan.backupId || record.part !== part || record.parts !== plan.parts.length) {
    return `its record ${recordName} describes part ${record.part}/${record.parts} of backup ${record.backupId}`;
  }
  const expectedKey = partArchiveName(part, plan.settings.compression, plan.settings.recipients.length > 0);
  if (record.archive.key !== expectedKey || record.archive.compression !== plan.settings.compression) {
    return `its record names the archive ${record.archive.key}, expected ${expectedKey}`;
  }
  const archiveKey = `${plan.backupId}/${expectedKey}`;
  const size = sizes.get(archiveKey);
  if (size === undefined) return `its archive ${expectedKey} is missing`;
  if (size !== record.archive.size) {
    return `its archive ${expectedKey} is ${size} bytes, its record says ${record.archive.size}`;
  }
  const digest = createHash('sha256');
  for await (const chunk of await storage.get(archiveKey)) {
    signal.throwIfAborted();
    digest.update(chunk as Buffer);
  }
  const sha256 = digest.digest('hex');
  if (sha256 !== record.archive.sha256) {
    return `its archive ${expectedKey} has SHA-256 ${sha256}, its record says ${record.archive.sha256} (changed after it was written)`;
  }
  const planned = new Set(
    plan.parts.find((p) => p.part === part)?.units.map((u) => `${u.db}.${u.collection}`) ?? [],
  );
  const held = new Set(record.namespaces.map((ns) => `${ns.db}.${ns.collection}`));
  if (planned.size !== held.size || [...planned].some((ns) => !held.has(ns))) {
    return `its record holds ${[...held].join(', ') || 'nothing'}, the plan gave it ${[...planned].join(', ') || 'nothing'}`;
  }
  return {
    part,
    key: expectedKey,
    size,
    sha256,
    record: recordName,
    recordSha256: createHash('sha256').update(raw).digest('hex'),
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
    namespaces: record.namespaces,
  };
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
