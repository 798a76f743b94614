import { EJSON } from 'bson';
import {
  BSON_BOOLEAN,
  BSON_INT32,
  BSON_INT64,
  BSON_STRING,
  bsonTypeName,
  findBsonProblem,
  type HeaderField,
  readHeaderFields,
} from './bson-check';
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
} from './format';
import type { ArchiveHeader, ArchiveStats, NamespaceStats } from './types';

/** Bytes of an archive: a Node Readable (without an encoding) or any (async) iterable of chunks. */
export type ArchiveSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export interface ArchiveReaderOptions {
  /** Walk every document's structure (types, lengths, terminators) without decoding it. Default false. */
  validateBson?: boolean;
  /**
   * Accept data for namespaces the prelude does not list. The oplog and `system.buckets.<name>` of a
   * listed time-series collection are always accepted. Default false.
   */
  allowUnlistedNamespaces?: boolean;
}

/** A namespace as listed in the prelude. */
export interface PreludeNamespace extends Namespace {
  /** `collection` when the archive predates the field. */
  type: NamespaceType;
  /**
   * The parsed Extended JSON (`{options, indexes, uuid, collectionName, type}`), or null when empty.
   * Parsed in canonical mode, so numbers keep their BSON types (`Int32`, `Double`, `Long`).
   */
  metadata: Record<string, unknown> | null;
  /** The metadata string exactly as stored. */
  rawMetadata: string;
}

export type ArchiveEvent =
  | { type: 'prelude'; header: ArchiveHeader; namespaces: PreludeNamespace[] }
  /** Raw BSON documents of one namespace, in archive order (see `DocumentRun`). */
  | DocumentRun
  /** A namespace's EOF block; `crc` (stored) always equals `computedCrc` (a mismatch is an error). */
  | { type: 'eof'; ns: Namespace; crc: bigint; computedCrc: bigint }
  | { type: 'end'; stats: ArchiveStats };

/**
 * Consecutive documents of one namespace, as they lie in the archive: `run` holds `count` documents
 * back to back (a slice of the input where they fit in one chunk), `offset` is the first one's byte
 * offset. `docs` splits the run into one Buffer per document, on first use.
 */
export interface DocumentRun {
  type: 'documents';
  ns: Namespace;
  run: Buffer;
  count: number;
  offset: number;
  readonly docs: Buffer[];
}

interface NamespaceState {
  ns: Namespace;
  name: string;
  crc: Crc64;
  stats: NamespaceStats;
  segments: number;
  /** The CRC its EOF block stores, once read. */
  storedCrc?: bigint;
}

const PRELUDE_HEADER_FIELDS: FieldSpec = {
  concurrent_collections: [BSON_INT32],
  version: [BSON_STRING],
  server_version: [BSON_STRING],
  tool_version: [BSON_STRING],
};
const PRELUDE_ENTRY_FIELDS: FieldSpec = {
  db: [BSON_STRING],
  collection: [BSON_STRING],
  metadata: [BSON_STRING],
  size: [BSON_INT32, BSON_INT64],
  type: [BSON_STRING],
};
const SEGMENT_HEADER_FIELDS: FieldSpec = {
  db: [BSON_STRING],
  collection: [BSON_STRING],
  EOF: [BSON_BOOLEAN],
  CRC: [BSON_INT64],
};

type FieldSpec = Readonly<Record<string, readonly number[]>>;

/**
 * Streaming parser and verifier of a mongodump archive. Iterate it (`for await`) to get the
 * prelude, the documents of each data segment, each EOF block and finally the statistics. Any
 * violation of the format is thrown as an `ArchiveFormatError` naming the namespace and byte offset.
 *
 * Memory stays bounded: at most one input chunk plus one document that straddles chunks is held,
 * and every `documents` event is emitted before the next chunk is pulled.
 */
export class ArchiveReader implements AsyncIterable<ArchiveEvent> {
  readonly #source: ArchiveSource;
  readonly #options: ArchiveReaderOptions;
  #used = false;

  constructor(source: ArchiveSource, options: ArchiveReaderOptions = {}) {
    this.#source = source;
    this.#options = options;
  }

  [Symbol.asyncIterator](): AsyncIterator<ArchiveEvent> {
    if (this.#used) throw new TypeError('an ArchiveReader can be iterated only once');
    this.#used = true;
    return parse(this.#source, this.#options);
  }
}

/** Iterates the events of an archive; see `ArchiveReader`. */
export function readArchive(
  source: ArchiveSource,
  options: ArchiveReaderOptions = {},
): AsyncGenerator<ArchiveEvent> {
  return parse(source, options);
}

/** Reads a whole archive, checking every rule, and returns its statistics. */
export async function verifyArchive(
  source: ArchiveSource,
  options: ArchiveReaderOptions = {},
): Promise<ArchiveStats> {
  for await (const event of parse(source, options)) {
    if (event.type === 'end') return event.stats;
  }
  throw new Error('unreachable: the archive parser finished without an end event');
}

/** Hands out bytes from a chunked source, joining pieces only when something straddles chunks. */
class ChunkCursor {
  readonly #iterator: AsyncIterator<Uint8Array> | Iterator<Uint8Array>;
  readonly #ahead: Buffer[] = [];
  #chunk: Buffer = Buffer.alloc(0);
  #pos = 0;
  /** Archive offset of `#chunk[0]`. */
  #base = 0;
  #done = false;

  constructor(source: ArchiveSource) {
    if (source && typeof (source as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function') {
      this.#iterator = (source as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    } else if (source && typeof (source as Iterable<Uint8Array>)[Symbol.iterator] === 'function') {
      this.#iterator = (source as Iterable<Uint8Array>)[Symbol.iterator]();
    } else {
      throw new TypeError('archive source must be a Readable or an iterable of Buffers');
    }
  }

  get offset(): number {
    return this.#base + this.#pos;
  }

  get available(): number {
    return this.#chunk.length - this.#pos;
  }

  /** The current chunk and position, valid for `available` bytes. */
  get buffer(): Buffer {
    return this.#chunk;
  }

  get position(): number {
    return this.#pos;
  }

  skip(count: number): void {
    this.#pos += count;
  }

  /** Makes `count` bytes contiguous at `position`; false if the source ends first. */
  async ensure(count: number): Promise<boolean> {
    if (this.available >= count) return true;
    if (this.available === 0) {
      const next = await this.#next();
      if (!next) return false;
      this.#base += this.#chunk.length;
      this.#chunk = next;
      this.#pos = 0;
      if (next.length >= count) return true;
    }
    const joined = Buffer.allocUnsafe(count);
    let filled = this.#chunk.copy(joined, 0, this.#pos);
    const start = this.offset;
    while (filled < count) {
      const next = await this.#next();
      if (!next) {
        // Keep what was gathered so `available` reports it for the truncation message.
        this.#chunk = joined.subarray(0, filled);
        this.#base = start;
        this.#pos = 0;
        return false;
      }
      const take = Math.min(count - filled, next.length);
      next.copy(joined, filled, 0, take);
      filled += take;
      if (take < next.length) this.#ahead.push(next.subarray(take));
    }
    this.#chunk = joined;
    this.#base = start;
    this.#pos = 0;
    return true;
  }

  /** True when every byte has been consumed and the source has ended. */
  async atEnd(): Promise<boolean> {
    return !(await this.ensure(1)) && this.available === 0;
  }

  async close(): Promise<void> {
    await this.#iterator.return?.();
  }

  async #next(): Promise<Buffer | undefined> {
    const queued = this.#ahead.shift();
    if (queued) return queued;
    while (!this.#done) {
      const result = await this.#iterator.next();
      if (result.done) {
        this.#done = true;
        break;
      }
      const chunk: unknown = result.value;
      if (!(chunk instanceof Uint8Array)) {
        throw new TypeError(
          `archive source produced ${typeof chunk} instead of bytes (read the stream without an encoding)`,
        );
      }
      if (chunk.length > 0) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
    return undefined;
  }
}

async function* parse(source: ArchiveSource, options: ArchiveReaderOptions): AsyncGenerator<ArchiveEvent> {
  const cursor = new ChunkCursor(source);
  try {
    yield* parseArchive(cursor, options);
  } finally {
    // Releases (for a Readable: destroys) the source; a failure there must not hide the real error.
    await cursor.close().catch(() => undefined);
  }
}

async function* parseArchive(
  cursor: ChunkCursor,
  options: ArchiveReaderOptions,
): AsyncGenerator<ArchiveEvent> {
  await readMagic(cursor);
  const prelude = await readPrelude(cursor);
  yield { type: 'prelude', header: prelude.header, namespaces: [...prelude.listed.values()] };
  const namespaces = new NamespaceStates(prelude.listed, options);
  // Data and EOF blocks until the stream ends.
  for (;;) {
    const blockOffset = cursor.offset;
    if (await cursor.atEnd()) break;
    const { state, eof } = await readBlockHeader(cursor, namespaces, blockOffset);
    if (eof) yield await readEof(cursor, state, blockOffset);
    else yield* readSegment(cursor, state, namespaces, options.validateBson ?? false);
  }
  yield { type: 'end', stats: namespaces.finish(cursor.offset) };
}

/** Stage 1: the 4-byte magic number. */
async function readMagic(cursor: ChunkCursor): Promise<void> {
  if (!(await cursor.ensure(4))) {
    if (cursor.available === 0)
      throw new ArchiveFormatError('not a mongodump archive: the input is empty', { offset: 0 });
    throw new ArchiveFormatError(
      `not a mongodump archive: the input has only ${cursor.available} bytes, fewer than the 4-byte magic number`,
      { offset: 0 },
    );
  }
  const magic = cursor.buffer.subarray(cursor.position, cursor.position + 4);
  if (!magic.equals(ARCHIVE_MAGIC)) {
    throw new ArchiveFormatError(
      `not a mongodump archive: expected magic number ${ARCHIVE_MAGIC.toString('hex')} at byte offset 0, ` +
        `found ${magic.toString('hex')}`,
      { offset: 0 },
    );
  }
  cursor.skip(4);
}

interface Prelude {
  header: ArchiveHeader;
  /** The listed namespaces by `namespaceKey`, in prelude order. */
  listed: Map<string, PreludeNamespace>;
}

/** Stage 2: the prelude — its header, one entry per namespace, the terminator. */
async function readPrelude(cursor: ChunkCursor): Promise<Prelude> {
  const headerOffset = cursor.offset;
  const headerDoc = await readDocument(cursor, 'the prelude header');
  if (headerDoc === 'terminator') {
    throw new ArchiveFormatError(
      `terminator at byte offset ${headerOffset} where the prelude header was expected`,
      { offset: headerOffset },
    );
  }
  const headerFields = checkFields(headerDoc, PRELUDE_HEADER_FIELDS, [], 'the prelude header', headerOffset);
  if (headerFields.version !== ARCHIVE_VERSION) {
    throw new ArchiveFormatError(
      `the prelude header at byte offset ${headerOffset} has version "${headerFields.version}"; ` +
        `only "${ARCHIVE_VERSION}" is known`,
      { offset: headerOffset },
    );
  }
  const header: ArchiveHeader = {
    concurrent_collections: headerFields.concurrent_collections as number,
    version: headerFields.version as string,
    server_version: headerFields.server_version as string,
    tool_version: headerFields.tool_version as string,
  };
  const listed = new Map<string, PreludeNamespace>();
  for (let index = 0; ; index++) {
    const entryOffset = cursor.offset;
    const what = `prelude entry #${index}`;
    const entryDoc = await readDocument(cursor, what);
    if (entryDoc === 'terminator') break;
    const entry = preludeEntry(entryDoc, what, entryOffset);
    const key = namespaceKey(entry);
    if (listed.has(key)) {
      throw new ArchiveFormatError(
        `${what} (${namespaceName(entry)}) at byte offset ${entryOffset} lists the namespace a second time`,
        {
          namespace: namespaceName(entry),
          offset: entryOffset,
        },
      );
    }
    listed.set(key, entry);
  }
  return { header, listed };
}

/** One prelude entry, its metadata parsed. */
function preludeEntry(doc: Buffer, what: string, offset: number): PreludeNamespace {
  const fields = checkFields(doc, PRELUDE_ENTRY_FIELDS, ['type'], what, offset);
  const ns: Namespace = { db: fields.db as string, collection: fields.collection as string };
  const name = namespaceName(ns);
  const fail = (problem: string) =>
    new ArchiveFormatError(`${what} (${name}) at byte offset ${offset} ${problem}`, {
      namespace: name,
      offset,
    });
  if (!isOplog(ns) && (ns.db === '' || ns.collection === ''))
    throw fail('has an empty database or collection name');
  const type = (fields.type ?? 'collection') as NamespaceType;
  if (!NAMESPACE_TYPES.includes(type)) throw fail(`has unknown type "${type}"`);
  const rawMetadata = fields.metadata as string;
  let metadata: Record<string, unknown> | null = null;
  if (rawMetadata !== '') {
    let parsed: unknown;
    try {
      parsed = EJSON.parse(rawMetadata, { relaxed: false });
    } catch (error) {
      throw fail(`has metadata that is not valid Extended JSON: ${(error as Error).message}`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw fail('has metadata that is not an Extended JSON object');
    }
    metadata = parsed as Record<string, unknown>;
  }
  return { db: ns.db, collection: ns.collection, type, metadata, rawMetadata };
}

/**
 * The namespaces met in data blocks, and the rules between blocks: a namespace the prelude lists,
 * never again after its EOF block, nothing after the oplog; at the end, every one closed.
 */
class NamespaceStates {
  readonly #listed: Map<string, PreludeNamespace>;
  readonly #allowUnlisted: boolean;
  readonly #states = new Map<string, NamespaceState>();
  readonly #order: NamespaceState[] = [];
  #oplog: NamespaceState | undefined;
  documents = 0;

  constructor(listed: Map<string, PreludeNamespace>, options: ArchiveReaderOptions) {
    this.#listed = listed;
    this.#allowUnlisted = options.allowUnlistedNamespaces ?? false;
  }

  /** The state of the namespace a block header names, checked against the rules. */
  enter(ns: Namespace, eof: boolean, blockOffset: number): NamespaceState {
    const name = namespaceName(ns);
    const fail = (problem: string) =>
      new ArchiveFormatError(problem, { namespace: name, offset: blockOffset });
    const key = namespaceKey(ns);
    let state = this.#states.get(key);
    if (!state) {
      if (
        !this.#listed.has(key) &&
        !isOplog(ns) &&
        !isListedBuckets(ns, this.#listed) &&
        !this.#allowUnlisted
      ) {
        throw fail(
          `the block header at byte offset ${blockOffset} names ${name}, which the prelude does not list`,
        );
      }
      state = {
        ns: Object.freeze(ns),
        name,
        crc: new Crc64(),
        stats: { db: ns.db, collection: ns.collection, count: 0, bytes: 0, crc: 0n, closed: false },
        segments: 0,
      };
      this.#states.set(key, state);
      this.#order.push(state);
    }
    if (state.stats.closed) {
      throw fail(`${name} appears again at byte offset ${blockOffset}, after its EOF block`);
    }
    if (this.#oplog && state !== this.#oplog) {
      throw fail(
        `${name} appears at byte offset ${blockOffset}, after the oplog started; the oplog must come last`,
      );
    }
    if (eof) {
      if (state.segments === 0) {
        throw fail(`the EOF block of ${name} at byte offset ${blockOffset} comes before any data segment`);
      }
    } else {
      state.segments++;
      if (isOplog(ns)) this.#oplog = state;
    }
    return state;
  }

  /** Stage 4: the end of the stream — every namespace closed, every listed one seen. */
  finish(endOffset: number): ArchiveStats {
    const open = this.#order.filter((state) => !state.stats.closed);
    if (open.length > 0) {
      throw new ArchiveFormatError(
        `the archive ends at byte offset ${endOffset} with namespaces still open (no EOF block): ` +
          open.map((state) => state.name).join(', '),
        { namespace: open[0]!.name, offset: endOffset },
      );
    }
    const closed = (ns: Namespace) => this.#states.get(namespaceKey(ns))?.stats.closed === true;
    const unseen = [...this.#listed.values()].filter(
      (entry) =>
        !closed(entry) &&
        !(
          entry.type === 'timeseries' &&
          closed({ db: entry.db, collection: BUCKETS_PREFIX + entry.collection })
        ),
    );
    if (unseen.length > 0) {
      throw new ArchiveFormatError(
        `the archive ends at byte offset ${endOffset} before all collections were seen; ` +
          `no data segment and EOF block for: ${unseen.map(namespaceName).join(', ')}`,
        { namespace: namespaceName(unseen[0]!), offset: endOffset },
      );
    }
    return {
      namespaces: this.#order.map((state) => ({ ...state.stats })),
      documents: this.documents,
      archiveBytes: endOffset,
    };
  }
}

/** Stage 3a: a block header — which namespace, and whether it is its EOF block. */
async function readBlockHeader(
  cursor: ChunkCursor,
  namespaces: NamespaceStates,
  blockOffset: number,
): Promise<{ state: NamespaceState; eof: boolean }> {
  const headerDoc = await readDocument(cursor, 'a block header');
  if (headerDoc === 'terminator') {
    throw new ArchiveFormatError(
      `terminator at byte offset ${blockOffset} where a block header was expected`,
      {
        offset: blockOffset,
      },
    );
  }
  const fields = checkFields(headerDoc, SEGMENT_HEADER_FIELDS, [], 'the block header', blockOffset);
  const ns: Namespace = { db: fields.db as string, collection: fields.collection as string };
  const eof = fields.EOF === true;
  const state = namespaces.enter(ns, eof, blockOffset);
  if (eof) state.storedCrc = BigInt.asUintN(64, fields.CRC as bigint);
  return { state, eof };
}

/** Stage 3b: an EOF block — its terminator, and its CRC against the documents'. */
async function readEof(
  cursor: ChunkCursor,
  state: NamespaceState,
  blockOffset: number,
): Promise<ArchiveEvent> {
  const { name } = state;
  const bodyOffset = cursor.offset;
  if ((await readLength(cursor, `the terminator of the EOF block of ${name}`, name)) !== -1) {
    throw new ArchiveFormatError(
      `the EOF block of ${name} at byte offset ${blockOffset} is followed by data at byte offset ` +
        `${bodyOffset} instead of the terminator`,
      { namespace: name, offset: bodyOffset },
    );
  }
  cursor.skip(4);
  const stored = state.storedCrc as bigint;
  const computed = state.crc.value();
  if (stored !== computed) {
    throw new ArchiveFormatError(
      `CRC mismatch for ${name}: the EOF block at byte offset ${blockOffset} stores ${hex64(stored)}, ` +
        `the ${state.stats.count} documents (${state.stats.bytes} bytes) give ${hex64(computed)}`,
      { namespace: name, offset: blockOffset },
    );
  }
  state.stats.closed = true;
  state.stats.crc = computed;
  return { type: 'eof', ns: state.ns, crc: stored, computedCrc: computed };
}

/**
 * Stage 3c: a data segment — documents until the terminator. The documents of one chunk go out as
 * one run of consecutive bytes (their CRC taken over the run at once), before the next chunk is
 * pulled. Hot loop: it awaits only when a length or a document reaches past the current chunk.
 */
async function* readSegment(
  cursor: ChunkCursor,
  state: NamespaceState,
  namespaces: NamespaceStates,
  validateBson: boolean,
): AsyncGenerator<ArchiveEvent> {
  const { name } = state;
  const what = () => documentName(state);
  let run = new RunBuilder(state, cursor);
  for (;;) {
    if (cursor.available < 4) {
      const event = run.take(cursor);
      if (event) yield event;
      await readLength(cursor, what, name);
      run = new RunBuilder(state, cursor);
    }
    const docOffset = cursor.offset;
    const length = cursor.buffer.readInt32LE(cursor.position);
    if (length === -1) {
      const event = run.take(cursor);
      cursor.skip(4);
      if (event) yield event;
      return;
    }
    checkLength(length, what, name, docOffset);
    if (cursor.available < length) {
      const event = run.take(cursor);
      if (event) yield event;
      await ensureDocument(cursor, length, what, name, docOffset);
      run = new RunBuilder(state, cursor);
    }
    const start = cursor.position;
    if (cursor.buffer[start + length - 1] !== 0) {
      throw new ArchiveFormatError(`${what()} at byte offset ${docOffset} does not end with 0x00`, {
        namespace: name,
        offset: docOffset,
      });
    }
    cursor.skip(length);
    if (validateBson) {
      const problem = findBsonProblem(cursor.buffer.subarray(start, start + length));
      if (problem) {
        throw new ArchiveFormatError(
          `${documentName(state)} at byte offset ${docOffset} is not valid BSON: ${problem.message} ` +
            `(byte offset ${docOffset + problem.offset})`,
          { namespace: name, offset: docOffset },
        );
      }
    }
    state.stats.count++;
    state.stats.bytes += length;
    namespaces.documents++;
    run.count++;
  }
}

/** The documents taken from one chunk since `start`, as a `documents` event. */
class RunBuilder {
  count = 0;
  readonly #state: NamespaceState;
  readonly #chunk: Buffer;
  readonly #start: number;
  readonly #offset: number;

  constructor(state: NamespaceState, cursor: ChunkCursor) {
    this.#state = state;
    this.#chunk = cursor.buffer;
    this.#start = cursor.position;
    this.#offset = cursor.offset;
  }

  /** The event for the documents taken so far (null if none), their CRC added. */
  take(cursor: ChunkCursor): DocumentsEvent | null {
    if (this.count === 0) return null;
    const run = this.#chunk.subarray(this.#start, cursor.position);
    this.#state.crc.update(run);
    const event = new DocumentsEvent(this.#state.ns, run, this.count, this.#offset);
    this.count = 0;
    return event;
  }
}

/** Documents of one namespace that lie back to back in one chunk; `docs` splits them when asked. */
class DocumentsEvent implements DocumentRun {
  readonly type = 'documents';
  #docs: Buffer[] | undefined;

  constructor(
    readonly ns: Namespace,
    readonly run: Buffer,
    readonly count: number,
    readonly offset: number,
  ) {}

  get docs(): Buffer[] {
    this.#docs ??= splitRun(this.run, this.count);
    return this.#docs;
  }
}

/** A `documents` event for documents given one by one (copied into one run when they are not already one). */
export function documentRun(ns: Namespace, docs: readonly Uint8Array[], offset = 0): DocumentRun {
  const run = Buffer.concat(docs);
  return new DocumentsEvent(ns, run, docs.length, offset);
}

function splitRun(run: Buffer, count: number): Buffer[] {
  const docs = new Array<Buffer>(count);
  for (let i = 0, at = 0; i < count; i++) {
    const length = run.readInt32LE(at);
    docs[i] = run.subarray(at, at + length);
    at += length;
  }
  return docs;
}

function isListedBuckets(ns: Namespace, listed: Map<string, PreludeNamespace>): boolean {
  if (!ns.collection.startsWith(BUCKETS_PREFIX)) return false;
  const entry = listed.get(
    namespaceKey({ db: ns.db, collection: ns.collection.slice(BUCKETS_PREFIX.length) }),
  );
  return entry?.type === 'timeseries';
}

/** What is being read, for messages; built only when a message needs it. */
type Describe = string | (() => string);

function describe(what: Describe): string {
  return typeof what === 'string' ? what : what();
}

function documentName(state: NamespaceState): string {
  return `document #${state.stats.count} of ${state.name}`;
}

function errorDetails(namespace: string | undefined, offset: number) {
  return namespace === undefined ? { offset } : { namespace, offset };
}

/** Reads the int32 at the cursor without consuming it. */
async function readLength(
  cursor: ChunkCursor,
  what: Describe,
  namespace: string | undefined,
): Promise<number> {
  const offset = cursor.offset;
  if (!(await cursor.ensure(4))) {
    throw new ArchiveFormatError(
      `archive truncated: the stream ends at byte offset ${offset + cursor.available} inside the length of ` +
        `${describe(what)} (byte offset ${offset})`,
      errorDetails(namespace, offset),
    );
  }
  return cursor.buffer.readInt32LE(cursor.position);
}

function checkLength(length: number, what: Describe, namespace: string | undefined, offset: number): void {
  if (length < MIN_DOCUMENT_SIZE || length > MAX_DOCUMENT_SIZE) {
    throw new ArchiveFormatError(
      `${describe(what)} at byte offset ${offset} has length ${length}; a document has ${MIN_DOCUMENT_SIZE}..` +
        `${MAX_DOCUMENT_SIZE} bytes`,
      errorDetails(namespace, offset),
    );
  }
}

/** Makes a whole document of `length` bytes available at the cursor. */
async function ensureDocument(
  cursor: ChunkCursor,
  length: number,
  what: Describe,
  namespace: string | undefined,
  offset: number,
): Promise<void> {
  if (!(await cursor.ensure(length))) {
    throw new ArchiveFormatError(
      `archive truncated: ${describe(what)} at byte offset ${offset} has ${length} bytes but the stream ends ` +
        `after ${cursor.available}`,
      errorDetails(namespace, offset),
    );
  }
}

/** Consumes an available document (length already checked) and checks its final 0x00. */
function takeDocument(
  cursor: ChunkCursor,
  length: number,
  what: Describe,
  namespace: string | undefined,
  offset: number,
): Buffer {
  const start = cursor.position;
  const doc = cursor.buffer.subarray(start, start + length);
  cursor.skip(length);
  if (doc[length - 1] !== 0) {
    throw new ArchiveFormatError(
      `${describe(what)} at byte offset ${offset} does not end with 0x00`,
      errorDetails(namespace, offset),
    );
  }
  return doc;
}

/** Reads a header document, or consumes a terminator. */
async function readDocument(cursor: ChunkCursor, what: string): Promise<Buffer | 'terminator'> {
  const offset = cursor.offset;
  const length = await readLength(cursor, what, undefined);
  if (length === -1) {
    cursor.skip(4);
    return 'terminator';
  }
  checkLength(length, what, undefined, offset);
  if (cursor.available < length) await ensureDocument(cursor, length, what, undefined, offset);
  return takeDocument(cursor, length, what, undefined, offset);
}

/** Checks a header's keys and types against `spec` (exact key set) and returns the values by key. */
function checkFields(
  doc: Buffer,
  spec: FieldSpec,
  optional: readonly string[],
  what: string,
  offset: number,
): Record<string, HeaderField['value']> {
  const fail = (problem: string) =>
    new ArchiveFormatError(`${what} at byte offset ${offset} ${problem}`, { offset });
  const fields = readHeaderFields(doc);
  if (!Array.isArray(fields))
    throw fail(`is not valid BSON: ${fields.message} (byte offset ${offset + fields.offset})`);
  const values: Record<string, HeaderField['value']> = {};
  const found = new Set<string>();
  for (const field of fields) {
    const allowed = Object.hasOwn(spec, field.name) ? spec[field.name] : undefined;
    if (!allowed) {
      throw fail(`has unexpected key "${field.name}"; the keys must be ${Object.keys(spec).join(', ')}`);
    }
    if (found.has(field.name)) throw fail(`has key "${field.name}" twice`);
    found.add(field.name);
    if (!allowed.includes(field.type)) {
      throw fail(
        `has "${field.name}" of type ${bsonTypeName(field.type)}; expected ${allowed.map(bsonTypeName).join(' or ')}`,
      );
    }
    values[field.name] = field.value;
  }
  const missing = Object.keys(spec).filter((key) => !found.has(key) && !optional.includes(key));
  if (missing.length > 0) throw fail(`lacks ${missing.map((key) => `"${key}"`).join(', ')}`);
  return values;
}

function hex64(value: bigint): string {
  return `0x${value.toString(16).padStart(16, '0')}`;
}
