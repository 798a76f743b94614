import type { ArchiveStats, ArchiveWriter, Namespace, NamespaceType, PreludeEntry } from '@shipkit/archive';
import { DEFAULT_PARALLELISM, formatBytes, formatCount, type Logger, silentLogger } from '@shipkit/runtime';
import type { Document, MongoClient } from 'mongodb';
import { ContentHash } from '../content-hash';
import { type FilterSpec, NamespaceFilter, unmatchedFilterError, unmatchedFilterWarning } from '../filters';
import { probeServer, type ServerFacts } from '../server';
import {
  type Catalog,
  type CatalogEntry,
  canonicalEjson,
  readCatalog,
  unauthorizedAsUserError,
} from './catalog';
import { planIdRanges, type RangeMethod } from './ranges';
import { chooseReadMethod, type ReadMethod, readRawBatches } from './read';

export interface DumpOptions extends FilterSpec {
  client: MongoClient;
  /** Reads running at once, over collections and `_id` ranges. Default: `DEFAULT_PARALLELISM`. */
  parallelism?: number;
  /**
   * A collection larger than this (bytes, from `$collStats`) is read as parallel `_id` ranges.
   * Default 128 MiB; on FerretDB, no splitting unless set.
   */
  splitThresholdBytes?: number;
  /** At most this many ranges per collection. Default twice the parallelism. */
  maxRangesPerCollection?: number;
  /** Documents are handed to the archive writer in batches of at most about this many bytes. Default 4 MiB. */
  batchBytes?: number;
  /** How documents are read (see `ReadMethod`); `auto` picks the fastest that is safe for the topology. */
  readMethod?: ReadMethod | 'auto';
  /** The prelude's `tool_version`. */
  toolVersion?: string;
  /** Whether an include filter that matches nothing fails the dump (default) or is only a warning. */
  requireIncludeMatch?: boolean;
  signal?: AbortSignal;
  /**
   * Dump exactly these namespaces and `_id` ranges (one part of a split backup, chosen by
   * `planSplit`) instead of reading the catalogue and choosing ranges here: the prelude then holds the
   * metadata the plan recorded, so every part describes a namespace the same way.
   */
  assigned?: AssignedNamespace[];
  /** Called once before the first document with the estimated totals, for a progress ETA. */
  onPlan?: (plan: DumpPlan) => void;
  /** Called after each batch is accepted by the archive writer. */
  onProgress?: (bytes: number, documents: number) => void;
  logger?: Logger;
}

/** A namespace of one part: its catalogue entry as planned, and the `_id` range filters this part reads. */
export interface AssignedNamespace {
  entry: CatalogEntry;
  /** Find filters; `[{}]` is the whole collection. Views have none to read. */
  filters: Document[];
}

export interface DumpPlan {
  namespaces: number;
  /** Sum of the collections' estimated document counts. */
  documents: number;
  /** Sum of the collections' data sizes (uncompressed BSON, avgObjSize × count), when the server reports them. */
  bytes: number;
  /**
   * The byte figure is only rough: the server reports storage sizes rather than BSON sizes (FerretDB's
   * SQLite pages run 2–4× the BSON), so progress should be measured in documents, which it counts exactly.
   */
  roughBytes: boolean;
}

/** What the manifest records per namespace (the `NamespaceEntry` of @shipkit/backup). */
export interface NamespaceDump {
  db: string;
  collection: string;
  type: NamespaceType;
  count: number;
  bytes: number;
  /** CRC-64/XZ of the namespace's documents in archive order, 16 hex digits. */
  crc: string;
  /** Order-independent content hash (`ContentHash`), 64 hex digits. */
  contentHash: string;
  /** listCollections options and listIndexes specs as canonical Extended JSON v2. */
  options: Record<string, unknown>;
  indexes: Record<string, unknown>[];
  uuid?: string;
}

/** How one namespace was read: for logs, tests and benchmarks. */
export interface NamespaceRead {
  namespace: string;
  /** The collection documents were read from (`system.buckets.<name>` for time-series). */
  dataCollection: string | undefined;
  method: RangeMethod;
  /** Documents read by each `_id` range, in range order. */
  rangeCounts: number[];
  estimatedCount: number;
}

export interface DumpResult {
  server: ServerFacts;
  /** The databases dumped. */
  databases: string[];
  namespaces: NamespaceDump[];
  reads: NamespaceRead[];
  readMethod: ReadMethod;
  archive: ArchiveStats;
}

const DEFAULTS = {
  parallelism: DEFAULT_PARALLELISM,
  splitThresholdBytes: 128 * 1024 * 1024,
  batchBytes: 4 * 1024 * 1024,
  toolVersion: 'shipkit',
};

// Documents per server batch when the average size is unknown.
const FALLBACK_BATCH_DOCUMENTS = 1000;
const MAX_BATCH_DOCUMENTS = 100_000;

interface CollectionSize {
  count: number;
  bytes: number | undefined;
}

interface ReadTask {
  entry: CatalogEntry;
  state: NamespaceState;
  filter: Document;
  rangeIndex: number;
}

interface NamespaceState {
  entry: CatalogEntry;
  dataNamespace: Namespace;
  size: CollectionSize;
  batchSize: number;
  method: RangeMethod;
  rangeCounts: number[];
  hash: ContentHash;
  remaining: number;
}

/**
 * Dumps the selected namespaces into `writer`: the prelude (options, indexes, uuid per namespace),
 * then every collection's raw documents, collections and `_id` ranges of large collections read in
 * parallel, each namespace closed with its CRC as soon as its last range is done. Views get their
 * empty segment, time-series collections are read through `system.buckets.<name>`.
 *
 * The writer is begun and finished here; on any error or abort it is aborted, so no partial
 * archive ends cleanly. Memory per read is about two batches (one being written, one arriving).
 */
export async function dumpDatabase(options: DumpOptions, writer: ArchiveWriter): Promise<DumpResult> {
  const inner = new AbortController();
  const onOuterAbort = () => inner.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  // Aborting the writer also releases reads waiting for the archive's consumer.
  inner.signal.addEventListener('abort', () => writer.abort(asError(inner.signal.reason)), { once: true });
  try {
    options.signal?.throwIfAborted();
    return await runDump(options, writer, inner);
  } catch (error) {
    if (!inner.signal.aborted) inner.abort(error);
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}

async function runDump(
  options: DumpOptions,
  writer: ArchiveWriter,
  inner: AbortController,
): Promise<DumpResult> {
  const { client } = options;
  const logger = options.logger ?? silentLogger;
  const parallelism = positive(options.parallelism, DEFAULTS.parallelism, 'parallelism');
  const maxRanges = positive(options.maxRangesPerCollection, parallelism * 2, 'maxRangesPerCollection');
  const batchBytes = positive(options.batchBytes, DEFAULTS.batchBytes, 'batchBytes');
  const signal = inner.signal;

  const filter = new NamespaceFilter(options);
  const server = await probeServer(client);
  // FerretDB 1.x filters _id ranges above its storage, so each range would scan the whole
  // collection: split there only when asked to explicitly.
  const splitThresholdBytes =
    options.splitThresholdBytes === undefined && server.flavor === 'ferretdb'
      ? Number.POSITIVE_INFINITY
      : positive(options.splitThresholdBytes, DEFAULTS.splitThresholdBytes, 'splitThresholdBytes');
  const readMethod =
    !options.readMethod || options.readMethod === 'auto'
      ? chooseReadMethod(client, server)
      : options.readMethod;
  const assigned = options.assigned;
  let entries: CatalogEntry[];
  let databases: string[];
  if (assigned) {
    entries = assigned.map((a) => a.entry);
    databases = [...new Set(entries.map((e) => e.db))].sort();
  } else {
    const catalog = await readCatalog(client, filter, logger);
    checkFilters(filter, catalog, options.requireIncludeMatch ?? true, logger);
    entries = catalog.entries;
    databases = catalog.selectedDatabases;
  }
  signal.throwIfAborted();

  const states: NamespaceState[] = [];
  for (const entry of entries) {
    if (!entry.dataCollection) continue;
    const size = await collectionSize(client, entry.db, entry.dataCollection);
    states.push({
      entry,
      dataNamespace: { db: entry.db, collection: entry.dataCollection },
      size,
      batchSize: batchDocuments(size, batchBytes),
      method: 'single',
      rangeCounts: [],
      hash: new ContentHash(),
      remaining: 0,
    });
  }
  const plan: DumpPlan = {
    namespaces: entries.length,
    documents: states.reduce((sum, s) => sum + s.size.count, 0),
    bytes: states.reduce((sum, s) => sum + (s.size.bytes ?? 0), 0),
    roughBytes: server.flavor === 'ferretdb',
  };
  const size =
    plan.bytes > 0
      ? ` and ${plan.roughBytes ? 'roughly ' : ''}${formatBytes(plan.bytes)}${plan.roughBytes ? ' (the server reports storage sizes, not BSON: progress counts documents)' : ''}`
      : '';
  logger.info(
    `dumping ${plan.namespaces} namespaces, about ${formatCount(plan.documents)} documents${size}, ` +
      `from ${databases.length} databases (reads: ${readMethod}, ${parallelism} at once)`,
  );

  // Largest first, so a big collection does not start last and finish alone.
  states.sort((a, b) => (b.size.bytes ?? 0) - (a.size.bytes ?? 0) || b.size.count - a.size.count);
  const tasks: ReadTask[] = [];
  for (const state of states) {
    const filters =
      assigned?.find((a) => a.entry === state.entry)?.filters ??
      (await rangeFiltersFor(client, state, { splitThresholdBytes, maxRanges, signal }, logger));
    state.remaining = filters.length;
    state.rangeCounts = filters.map(() => 0);
    filters.forEach((rangeFilter, rangeIndex) => {
      tasks.push({ entry: state.entry, state, filter: rangeFilter, rangeIndex });
    });
  }
  options.onPlan?.(plan);

  await writer.begin({
    header: {
      concurrent_collections: parallelism,
      server_version: server.serverVersion,
      tool_version: options.toolVersion ?? DEFAULTS.toolVersion,
    },
    namespaces: entries.map(preludeEntry),
  });
  // Views have no data: their empty segment and EOF go first.
  for (const entry of entries) {
    if (!entry.dataCollection) await writer.endNamespace({ db: entry.db, collection: entry.collection });
  }

  const context: TaskContext = { client, writer, readMethod, batchBytes, signal, options, logger };
  await runPool(
    tasks,
    parallelism,
    signal,
    (task) => readRange(task, context),
    (error) => inner.abort(error),
  );
  const archive = await writer.finish();

  // A part reads only some ranges of a split collection: its count is not the collection's.
  if (!assigned) for (const state of states) await warnOnCoverageGap(client, state, logger);
  return {
    server,
    databases,
    namespaces: entries.map((entry) => namespaceDump(entry, states, archive)),
    reads: states.map((state) => ({
      namespace: `${state.entry.db}.${state.entry.collection}`,
      dataCollection: state.entry.dataCollection,
      method: state.method,
      rangeCounts: state.rangeCounts,
      estimatedCount: state.size.count,
    })),
    readMethod,
    archive,
  };
}

function checkFilters(
  filter: NamespaceFilter,
  catalog: Catalog,
  requireIncludeMatch: boolean,
  logger: Logger,
): void {
  for (const pattern of filter.unmatched(catalog.existing)) {
    if (pattern.kind === 'include' && requireIncludeMatch) {
      throw unmatchedFilterError(pattern, catalog.existing, catalog.databases);
    }
    logger.warn(unmatchedFilterWarning(pattern, catalog.existing, catalog.databases));
  }
}

interface TaskContext {
  client: MongoClient;
  writer: ArchiveWriter;
  readMethod: ReadMethod;
  batchBytes: number;
  signal: AbortSignal;
  options: DumpOptions;
  logger: Logger;
}

/** Reads one range and hands its documents to the writer in byte-bounded batches. */
async function readRange(task: ReadTask, context: TaskContext): Promise<void> {
  const { state } = task;
  const { db, collection } = state.dataNamespace;
  const hash = new ContentHash();
  let count = 0;
  const batches = readRawBatches(context.client, context.readMethod, db, collection, {
    filter: task.filter,
    batchSize: state.batchSize,
    signal: context.signal,
  });
  try {
    // The next server batch is requested while this one is hashed and written.
    let pending = batches.next();
    for (;;) {
      const result = await pending;
      if (result.done) break;
      pending = batches.next();
      pending.catch(() => {});
      const docs = result.value;
      for (let start = 0; start < docs.length; ) {
        const end = batchEnd(docs, start, context.batchBytes);
        const slice = docs.slice(start, end);
        let bytes = 0;
        for (const doc of slice) {
          hash.add(doc);
          bytes += doc.length;
        }
        await context.writer.writeDocuments(state.dataNamespace, slice);
        count += slice.length;
        context.options.onProgress?.(bytes, slice.length);
        start = end;
      }
      context.signal.throwIfAborted();
    }
  } catch (error) {
    throw unauthorizedAsUserError(error, `read ${db}.${collection}`);
  } finally {
    await batches.return(undefined).catch(() => {});
  }
  state.hash.merge(hash);
  state.rangeCounts[task.rangeIndex] = count;
  state.remaining -= 1;
  if (state.remaining === 0) await context.writer.endNamespace(state.dataNamespace);
}

/** The index after the last document that keeps the batch within `limit` bytes (at least one document). */
function batchEnd(docs: readonly Buffer[], start: number, limit: number): number {
  let bytes = 0;
  let end = start;
  while (end < docs.length) {
    bytes += (docs[end] as Buffer).length;
    if (bytes > limit && end > start) break;
    end++;
  }
  return end;
}

/** Runs `work` over the tasks with at most `parallelism` at once; the first failure stops the rest. */
async function runPool<T>(
  tasks: readonly T[],
  parallelism: number,
  signal: AbortSignal,
  work: (task: T) => Promise<void>,
  onFirstFailure: (error: unknown) => void,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < tasks.length) {
      const task = tasks[next++] as T;
      try {
        signal.throwIfAborted();
        await work(task);
      } catch (error) {
        if (!failure) {
          failure = { error };
          onFirstFailure(error);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallelism, tasks.length) }, worker));
  if (failure) throw failure.error;
}

async function rangeFiltersFor(
  client: MongoClient,
  state: NamespaceState,
  limits: { splitThresholdBytes: number; maxRanges: number; signal: AbortSignal },
  logger: Logger,
): Promise<Document[]> {
  const { entry, size } = state;
  const name = `${entry.db}.${entry.dataCollection}`;
  // Capped collections keep insertion order, which ranges would scramble.
  if (entry.capped || size.bytes === undefined || size.bytes <= limits.splitThresholdBytes) return [{}];
  const ranges = Math.min(limits.maxRanges, Math.ceil(size.bytes / limits.splitThresholdBytes));
  const collection = client.db(entry.db).collection(entry.dataCollection as string);
  const plan = await planIdRanges(collection, { ranges, estimatedCount: size.count, signal: limits.signal });
  state.method = plan.method;
  if (plan.method === 'single') logger.info(`${name}: read as one range (${plan.reason})`);
  else logger.info(`${name}: read as ${plan.filters.length} _id ranges in parallel (${plan.reason})`);
  return plan.filters;
}

/**
 * Ranges are complete by construction (one `_id` type bracket, open-ended ends), but a document
 * of another type inserted during the dump would be missed: say so when the counts disagree.
 */
async function warnOnCoverageGap(client: MongoClient, state: NamespaceState, logger: Logger): Promise<void> {
  if (state.rangeCounts.length < 2) return;
  const read = state.rangeCounts.reduce((sum, n) => sum + n, 0);
  const { db, collection } = state.dataNamespace;
  const now = await client.db(db).collection(collection).estimatedDocumentCount();
  if (now !== read) {
    logger.warn(
      `${db}.${collection}: the ${state.rangeCounts.length} _id ranges read ${read} documents but the ` +
        `collection now counts about ${now} (it changed during the dump, or an _id of another type appeared)`,
    );
  }
}

/**
 * Document count and data size from `$collStats`, else the estimated count. The size is
 * avgObjSize × count, the average BSON document the server reports, rather than `size`, which some
 * servers give as storage used.
 */
export async function collectionSize(
  client: MongoClient,
  db: string,
  collection: string,
): Promise<CollectionSize> {
  const coll = client.db(db).collection(collection);
  try {
    // One document per shard on a sharded cluster.
    const perShard = await coll.aggregate([{ $collStats: { storageStats: {} } }]).toArray();
    let count = 0;
    let bytes = 0;
    for (const shard of perShard) {
      const stats = (shard.storageStats ?? {}) as Document;
      const shardCount = Number(stats.count ?? 0);
      const average = Number(stats.avgObjSize ?? 0);
      count += shardCount;
      bytes += average > 0 ? Math.round(average * shardCount) : Number(stats.size ?? 0);
    }
    if (perShard.length > 0) return { count, bytes };
  } catch {
    // Not allowed or not implemented: fall back to the count.
  }
  try {
    return { count: await coll.estimatedDocumentCount(), bytes: undefined };
  } catch (error) {
    throw unauthorizedAsUserError(error, `count ${db}.${collection}`);
  }
}

function batchDocuments(size: CollectionSize, batchBytes: number): number {
  if (!size.bytes || !size.count) return FALLBACK_BATCH_DOCUMENTS;
  const average = size.bytes / size.count;
  return Math.max(1, Math.min(MAX_BATCH_DOCUMENTS, Math.floor(batchBytes / Math.max(average, 1))));
}

function preludeEntry(entry: CatalogEntry): PreludeEntry {
  return {
    db: entry.db,
    collection: entry.collection,
    type: entry.type,
    metadata: {
      options: entry.options,
      indexes: entry.indexes,
      ...(entry.uuid ? { uuid: entry.uuid } : {}),
      collectionName: entry.collection,
      type: entry.type,
    },
  };
}

function namespaceDump(entry: CatalogEntry, states: NamespaceState[], archive: ArchiveStats): NamespaceDump {
  const dataCollection = entry.dataCollection ?? entry.collection;
  const stats = archive.namespaces.find((ns) => ns.db === entry.db && ns.collection === dataCollection);
  const state = states.find((s) => s.entry === entry);
  const hash = state?.hash ?? new ContentHash();
  const count = stats?.count ?? 0;
  if (hash.count !== count) {
    throw new Error(
      `${entry.db}.${dataCollection}: hashed ${hash.count} documents but the archive holds ${count}`,
    );
  }
  const dump: NamespaceDump = {
    db: entry.db,
    collection: entry.collection,
    type: entry.type,
    count,
    bytes: stats?.bytes ?? 0,
    crc: BigInt.asUintN(64, stats?.crc ?? 0n)
      .toString(16)
      .padStart(16, '0'),
    contentHash: hash.hex(),
    options: canonicalEjson(entry.options),
    indexes: entry.indexes.map(canonicalEjson),
  };
  if (entry.uuid) dump.uuid = entry.uuid;
  return dump;
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason ?? 'the dump was aborted'));
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 1)
    throw new RangeError(`dump option ${name} must be at least 1, got ${value}`);
  return Math.floor(value);
}
