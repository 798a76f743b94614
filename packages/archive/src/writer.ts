import { Readable } from 'node:stream';
import { BSON, EJSON, Int32, Long } from 'bson';
import { Crc64 } from './crc64';
import { ArchiveFormatError } from './errors';
import {
  ARCHIVE_MAGIC,
  ARCHIVE_VERSION,
  BUCKETS_PREFIX,
  isOplog,
  MAX_DOCUMENT_SIZE,
  MIN_DOCUMENT_SIZE,
  NAMESPACE_TYPES,
  type Namespace,
  type NamespaceType,
  namespaceKey,
  namespaceName,
  TERMINATOR,
  toNamespace,
} from './format';
import type { ArchiveHeader, ArchiveStats, NamespaceStats } from './types';

/** The content of a `<collection>.metadata.json` file; serialized as canonical Extended JSON v2. */
export interface CollectionMetadata {
  options: Record<string, unknown>;
  indexes: Record<string, unknown>[];
  /** 32 lowercase hex digits; views have none. */
  uuid?: string;
  collectionName: string;
  type: NamespaceType;
}

export interface PreludeEntry extends Namespace {
  type: NamespaceType;
  /** An object to serialize, or an already serialized Extended JSON string (`''` for the oplog). */
  metadata: CollectionMetadata | string;
}

export interface Prelude {
  header: Omit<ArchiveHeader, 'version'> & { version?: string };
  namespaces: PreludeEntry[];
}

export interface ArchiveWriterOptions {
  /** Bytes the output stream may hold before writes wait for the consumer. Default 1 MiB. */
  highWaterMark?: number;
  /**
   * Whether time-series data goes under `system.buckets.<name>` (what servers before 8.3 dump;
   * the default) or under the time-series collection's own name.
   */
  timeseriesAsBuckets?: boolean;
}

// Pieces smaller than this are copied together into one stream chunk; larger ones pass uncopied.
const COALESCE_BYTES = 64 * 1024;

type Part =
  | { kind: 'bytes'; bytes: Buffer }
  | { kind: 'segment'; state: NamespaceState }
  | { kind: 'documents'; state: NamespaceState; docs: readonly Uint8Array[] }
  | { kind: 'eof'; state: NamespaceState };

interface Operation {
  parts: Part[];
  end: boolean;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface NamespaceState {
  ns: Namespace;
  name: string;
  // Decided when an operation is queued (queue order is archive order).
  hasSegment: boolean;
  closed: boolean;
  // Measured when the operation's bytes are handed to the stream.
  stats: NamespaceStats;
  crc: Crc64;
  isView: boolean;
}

/**
 * Writes a mongodump archive to `stream`, a byte Readable that respects backpressure.
 *
 * Concurrency: any number of producers may call `writeDocuments` / `endNamespace` without waiting
 * for each other. Calls are queued in call order, which is the order in the archive; one call's
 * documents are never split by another namespace, consecutive calls for the same namespace share a
 * data segment, and a change of namespace starts a new segment. Each call returns a promise that
 * resolves once its bytes have been accepted by the stream, so a producer that awaits its writes
 * holds at most one batch in memory while the consumer is slow. Format rules are checked when a
 * call is made: a call that would break them rejects with an `ArchiveFormatError` and writes
 * nothing. Document buffers are not copied when large: do not modify them after the call.
 */
export class ArchiveWriter {
  /** The archive bytes. Pipe it to a file, a compressor or an upload. */
  readonly stream: Readable;

  readonly #timeseriesAsBuckets: boolean;
  readonly #queue: Operation[] = [];
  readonly #states = new Map<string, NamespaceState>();
  /** Data namespaces in prelude order (time-series entries mapped to their buckets when enabled). */
  readonly #dataNamespaces: NamespaceState[] = [];
  /** Prelude entries that cannot take documents directly, keyed by namespace, with the reason. */
  readonly #redirects = new Map<string, string>();
  readonly #seen: NamespaceState[] = [];
  #openSegment: NamespaceState | undefined;
  #begun = false;
  #finishing = false;
  #oplogStarted = false;
  #pumping = false;
  #ended = false;
  /** The stream is at its high-water mark: the next chunk waits for the consumer. */
  #full = false;
  #readWaiter: (() => void) | undefined;
  #failure: Error | undefined;
  #archiveBytes = 0;
  /** Small pieces are gathered here into stream chunks of up to COALESCE_BYTES. */
  #staging = Buffer.allocUnsafe(COALESCE_BYTES);
  #stagedBytes = 0;
  #documents = 0;

  constructor(options: ArchiveWriterOptions = {}) {
    this.#timeseriesAsBuckets = options.timeseriesAsBuckets ?? true;
    this.stream = new Readable({
      highWaterMark: options.highWaterMark ?? 1024 * 1024,
      read: () => {
        this.#full = false;
        const waiter = this.#readWaiter;
        this.#readWaiter = undefined;
        waiter?.();
      },
      destroy: (error, callback) => {
        if (error || !this.#ended) {
          this.#fail(error ?? new Error('the archive stream was destroyed before the archive was finished'));
        }
        callback(error);
      },
    });
  }

  /** Bytes waiting in the stream for the consumer. Bounded by about `highWaterMark` plus one chunk. */
  get bufferedBytes(): number {
    return this.stream.readableLength;
  }

  /** Writes the magic number and the prelude. Must be called once, first. */
  begin(prelude: Prelude): Promise<void> {
    try {
      if (this.#begun) throw new ArchiveFormatError('archive writer: begin() was already called');
      const bytes = this.#preludeBytes(prelude);
      this.#begun = true;
      return this.#enqueue([{ kind: 'bytes', bytes }]);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * Appends raw BSON documents to a namespace's data. An empty list still opens a segment, which is
   * how a view or an empty collection gets the segment mongorestore expects.
   */
  writeDocuments(ns: Namespace | string, docs: readonly Uint8Array[]): Promise<void> {
    try {
      const state = this.#dataState(ns, 'writeDocuments');
      if (docs.length > 0 && state.isView) {
        throw new ArchiveFormatError(`archive writer: ${state.name} is a view and cannot have documents`, {
          namespace: state.name,
        });
      }
      docs.forEach((doc, index) => {
        checkDocument(doc, index, state.name);
      });
      const parts: Part[] = [];
      this.#planSegment(state, parts);
      // The list is copied so the caller may reuse it; the documents themselves are not copied yet.
      if (docs.length > 0) parts.push({ kind: 'documents', state, docs: [...docs] });
      return this.#enqueue(parts);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * Closes a namespace with its EOF block (CRC over all its documents). A namespace that never had a
   * segment gets an empty one first. After this, the namespace cannot be written again.
   */
  endNamespace(ns: Namespace | string): Promise<void> {
    try {
      const state = this.#dataState(ns, 'endNamespace');
      return this.#enqueue(this.#planEnd(state));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * Closes every namespace other than the oplog that has had no segment yet (views, empty
   * collections) with an empty segment and its EOF block. Call it once all collection producers are
   * done, before writing the oplog.
   */
  endUnwrittenNamespaces(): Promise<void> {
    try {
      if (!this.#begun)
        throw new ArchiveFormatError('archive writer: endUnwrittenNamespaces() called before begin()');
      if (this.#finishing) {
        throw new ArchiveFormatError('archive writer: endUnwrittenNamespaces() called after finish()');
      }
      const parts: Part[] = [];
      for (const state of this.#dataNamespaces) {
        if (!state.hasSegment && !isOplog(state.ns)) parts.push(...this.#planEnd(state));
      }
      return this.#enqueue(parts);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * Closes every namespace that never had a segment (views, empty collections; the oplog last),
   * then ends the stream. Rejects, and destroys the stream, if a namespace has documents but was
   * never ended. Resolves with the final statistics once the last byte is in the stream.
   */
  finish(): Promise<ArchiveStats> {
    try {
      if (!this.#begun) throw new ArchiveFormatError('archive writer: finish() called before begin()');
      if (this.#finishing) throw new ArchiveFormatError('archive writer: finish() was already called');
      const unended = this.#dataNamespaces.filter((state) => state.hasSegment && !state.closed);
      if (unended.length > 0) {
        const error = new ArchiveFormatError(
          `archive writer: finish() called while ${unended.map((s) => s.name).join(', ')} ` +
            'had been written to but not ended with endNamespace()',
          { namespace: unended[0]!.name },
        );
        this.stream.destroy(error);
        throw error;
      }
      const parts: Part[] = [];
      const remaining = this.#dataNamespaces.filter((state) => !state.closed);
      const ordered = [...remaining.filter((s) => !isOplog(s.ns)), ...remaining.filter((s) => isOplog(s.ns))];
      for (const state of ordered) parts.push(...this.#planEnd(state));
      this.#finishing = true;
      return this.#enqueue(parts, true).then(() => this.stats());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Stops writing: the stream is destroyed with `error` and pending writes reject. */
  abort(error: Error): void {
    this.stream.destroy(error);
  }

  /** Count, bytes and CRC per namespace for everything handed to the stream so far. */
  stats(): ArchiveStats {
    return {
      namespaces: this.#seen.map((state) => ({ ...state.stats, crc: state.crc.value() })),
      documents: this.#documents,
      archiveBytes: this.#archiveBytes,
    };
  }

  #preludeBytes(prelude: Prelude): Buffer {
    const { header } = prelude;
    const version = header.version ?? ARCHIVE_VERSION;
    if (version !== ARCHIVE_VERSION) {
      throw new ArchiveFormatError(`archive writer: version must be "${ARCHIVE_VERSION}", got "${version}"`);
    }
    const concurrency = header.concurrent_collections;
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 0x7fffffff) {
      throw new ArchiveFormatError(
        `archive writer: concurrent_collections must be a positive int32, got ${concurrency}`,
      );
    }
    const chunks: Uint8Array[] = [
      ARCHIVE_MAGIC,
      BSON.serialize({
        concurrent_collections: new Int32(concurrency),
        version,
        server_version: String(header.server_version),
        tool_version: String(header.tool_version),
      }),
    ];
    const listed = new Set<string>();
    for (const entry of prelude.namespaces) {
      const ns = { db: entry.db, collection: entry.collection };
      const name = namespaceName(ns);
      const key = namespaceKey(ns);
      if (listed.has(key)) throw new ArchiveFormatError(`archive writer: ${name} is listed twice`);
      listed.add(key);
      if (!NAMESPACE_TYPES.includes(entry.type)) {
        throw new ArchiveFormatError(`archive writer: ${name} has unknown type "${entry.type}"`);
      }
      if (!isOplog(ns) && (ns.db === '' || ns.collection === '' || ns.db.includes('.'))) {
        throw new ArchiveFormatError(`archive writer: "${name}" is not a valid namespace`);
      }
      const metadata = serializeMetadata(entry, name);
      chunks.push(
        BSON.serialize({
          db: ns.db,
          collection: ns.collection,
          metadata,
          size: new Int32(0),
          type: entry.type,
        }),
      );
      let dataNs = ns;
      if (entry.type === 'timeseries' && this.#timeseriesAsBuckets) {
        dataNs = { db: ns.db, collection: BUCKETS_PREFIX + ns.collection };
        this.#redirects.set(key, `write time-series data to ${namespaceName(dataNs)}`);
      }
      this.#addDataNamespace(dataNs, entry.type === 'view');
    }
    chunks.push(TERMINATOR);
    return Buffer.concat(chunks);
  }

  #addDataNamespace(ns: Namespace, isView: boolean): void {
    const key = namespaceKey(ns);
    if (this.#states.has(key)) {
      throw new ArchiveFormatError(
        `archive writer: ${namespaceName(ns)} is both listed and a time-series bucket`,
      );
    }
    const state: NamespaceState = {
      ns,
      name: namespaceName(ns),
      hasSegment: false,
      closed: false,
      stats: { db: ns.db, collection: ns.collection, count: 0, bytes: 0, crc: 0n, closed: false },
      crc: new Crc64(),
      isView,
    };
    this.#states.set(key, state);
    this.#dataNamespaces.push(state);
  }

  /** Finds the namespace a write goes to and checks the ordering rules for it. */
  #dataState(nsLike: Namespace | string, method: string): NamespaceState {
    if (!this.#begun) throw new ArchiveFormatError(`archive writer: ${method}() called before begin()`);
    if (this.#finishing) throw new ArchiveFormatError(`archive writer: ${method}() called after finish()`);
    const ns = toNamespace(nsLike);
    const key = namespaceKey(ns);
    const name = namespaceName(ns);
    const state = this.#states.get(key);
    if (!state) {
      const redirect = this.#redirects.get(key);
      throw new ArchiveFormatError(
        redirect
          ? `archive writer: ${name} is a time-series collection; ${redirect}`
          : `archive writer: ${name} is not listed in the prelude`,
        { namespace: name },
      );
    }
    if (state.closed) {
      throw new ArchiveFormatError(`archive writer: ${name} was already ended; a namespace cannot reappear`, {
        namespace: name,
      });
    }
    if (isOplog(ns)) {
      const open = this.#dataNamespaces.filter((s) => !s.closed && !isOplog(s.ns));
      if (open.length > 0) {
        throw new ArchiveFormatError(
          `archive writer: the oplog must come last, but ${open.map((s) => s.name).join(', ')} ` +
            'not ended yet (call endNamespace() for them first, views and empty collections included)',
          { namespace: name },
        );
      }
    } else if (this.#oplogStarted) {
      throw new ArchiveFormatError(`archive writer: ${name} cannot be written after the oplog`, {
        namespace: name,
      });
    }
    return state;
  }

  #planSegment(state: NamespaceState, parts: Part[]): void {
    if (this.#openSegment === state) return;
    if (this.#openSegment) parts.push({ kind: 'bytes', bytes: TERMINATOR });
    parts.push({ kind: 'segment', state });
    this.#openSegment = state;
    state.hasSegment = true;
    if (isOplog(state.ns)) this.#oplogStarted = true;
  }

  #planEnd(state: NamespaceState): Part[] {
    const parts: Part[] = [];
    if (!state.hasSegment) this.#planSegment(state, parts);
    if (this.#openSegment) parts.push({ kind: 'bytes', bytes: TERMINATOR });
    this.#openSegment = undefined;
    parts.push({ kind: 'eof', state });
    state.closed = true;
    return parts;
  }

  #enqueue(parts: Part[], end = false): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ parts, end, resolve, reject });
      if (!this.#pumping) void this.#pump();
    });
  }

  async #pump(): Promise<void> {
    this.#pumping = true;
    try {
      for (let op = this.#queue.shift(); op; op = this.#queue.shift()) {
        try {
          for (const part of op.parts) await this.#write(part);
          await this.#flush();
          if (op.end) {
            this.#ended = true;
            this.stream.push(null);
          }
          op.resolve();
        } catch (error) {
          op.reject(error);
        }
      }
    } finally {
      this.#pumping = false;
    }
  }

  /** Writes a part, updating the namespace's count, bytes and CRC as its documents go out. */
  async #write(part: Part): Promise<void> {
    switch (part.kind) {
      case 'bytes':
        return this.#append(part.bytes);
      case 'segment':
        if (!this.#seen.includes(part.state)) this.#seen.push(part.state);
        return this.#append(segmentHeader(part.state.ns, false, 0n));
      case 'eof':
        part.state.stats.closed = true;
        await this.#append(segmentHeader(part.state.ns, true, part.state.crc.value()));
        return this.#append(TERMINATOR);
      case 'documents': {
        const { state } = part;
        const { crc, stats } = state;
        // Small documents are copied into the staging chunk; their CRC is taken over each copied run
        // at once, which is much cheaper than one call per document.
        let runStart = this.#stagedBytes;
        for (const doc of part.docs) {
          const length = doc.byteLength;
          stats.count++;
          stats.bytes += length;
          this.#documents++;
          if (length < COALESCE_BYTES && this.#stagedBytes + length <= COALESCE_BYTES) {
            this.#staging.set(doc, this.#stagedBytes);
            this.#stagedBytes += length;
            continue;
          }
          crc.update(this.#staging.subarray(runStart, this.#stagedBytes));
          await this.#flush();
          if (length < COALESCE_BYTES) {
            this.#staging.set(doc, 0);
            this.#stagedBytes = length;
          } else {
            crc.update(doc);
            await this.#push(Buffer.from(doc.buffer, doc.byteOffset, length));
          }
          runStart = 0;
        }
        crc.update(this.#staging.subarray(runStart, this.#stagedBytes));
      }
    }
  }

  /** Adds small bytes (headers, terminators) to the staging chunk. */
  async #append(bytes: Buffer): Promise<void> {
    if (this.#stagedBytes + bytes.length > COALESCE_BYTES) await this.#flush();
    if (bytes.length > COALESCE_BYTES) return this.#push(bytes);
    bytes.copy(this.#staging, this.#stagedBytes);
    this.#stagedBytes += bytes.length;
  }

  /** Pushes the staging chunk. A mostly empty one is copied out so it does not pin a whole chunk. */
  async #flush(): Promise<void> {
    const used = this.#stagedBytes;
    if (used === 0) return;
    let chunk: Buffer;
    if (used >= COALESCE_BYTES / 2) {
      chunk = this.#staging.subarray(0, used);
      this.#staging = Buffer.allocUnsafe(COALESCE_BYTES);
    } else {
      chunk = Buffer.allocUnsafe(used);
      this.#staging.copy(chunk, 0, 0, used);
    }
    this.#stagedBytes = 0;
    await this.#push(chunk);
  }

  /** Hands a chunk to the stream, first waiting for room if the last push filled it. */
  async #push(chunk: Buffer): Promise<void> {
    if (this.#full) {
      await new Promise<void>((resolve) => {
        this.#readWaiter = resolve;
      });
    }
    if (this.#failure) throw this.#failure;
    this.#archiveBytes += chunk.length;
    this.#full = !this.stream.push(chunk);
  }

  #fail(error: Error): void {
    if (this.#failure) return;
    this.#failure = error;
    const waiter = this.#readWaiter;
    this.#readWaiter = undefined;
    waiter?.();
    for (let op = this.#queue.shift(); op; op = this.#queue.shift()) op.reject(error);
  }
}

function segmentHeader(ns: Namespace, eof: boolean, crc: bigint): Buffer {
  const header = BSON.serialize({
    db: ns.db,
    collection: ns.collection,
    EOF: eof,
    CRC: Long.fromBigInt(BigInt.asIntN(64, crc)),
  });
  return Buffer.from(header.buffer, header.byteOffset, header.byteLength);
}

function serializeMetadata(entry: PreludeEntry, name: string): string {
  const { metadata } = entry;
  if (typeof metadata === 'string') {
    if (metadata === '') {
      if (isOplog(entry)) return metadata;
      throw new ArchiveFormatError(`archive writer: ${name} has empty metadata (only the oplog may)`);
    }
    try {
      EJSON.parse(metadata, { relaxed: false });
    } catch (error) {
      throw new ArchiveFormatError(
        `archive writer: metadata of ${name} is not valid Extended JSON: ${(error as Error).message}`,
      );
    }
    return metadata;
  }
  const ordered: Record<string, unknown> = { options: metadata.options, indexes: metadata.indexes };
  if (metadata.uuid !== undefined) {
    if (!/^[0-9a-f]{32}$/.test(metadata.uuid)) {
      throw new ArchiveFormatError(`archive writer: uuid of ${name} must be 32 lowercase hex digits`);
    }
    ordered.uuid = metadata.uuid;
  }
  ordered.collectionName = metadata.collectionName;
  ordered.type = metadata.type;
  return EJSON.stringify(ordered, { relaxed: false });
}

function checkDocument(doc: Uint8Array, index: number, name: string): void {
  const problem = (what: string) =>
    new ArchiveFormatError(`archive writer: document #${index} for ${name} ${what}`, { namespace: name });
  if (!(doc instanceof Uint8Array)) throw problem('is not a Buffer or Uint8Array of raw BSON');
  const size = doc.byteLength;
  if (size < MIN_DOCUMENT_SIZE || size > MAX_DOCUMENT_SIZE) {
    throw problem(`has ${size} bytes; a BSON document has ${MIN_DOCUMENT_SIZE}..${MAX_DOCUMENT_SIZE}`);
  }
  const declared = doc[0]! | (doc[1]! << 8) | (doc[2]! << 16) | (doc[3]! << 24);
  if (declared !== size) throw problem(`declares ${declared} bytes but has ${size}`);
  if (doc[size - 1] !== 0) throw problem('does not end with 0x00');
}
