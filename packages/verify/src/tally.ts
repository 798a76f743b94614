import type { ArchiveEvent, ArchiveHeader, PreludeNamespace } from '@shipkit/archive';
import { ContentHash } from '@shipkit/mongo';
import { addSums, HashPool } from './hash-pool';

/** What the archive itself holds for one data namespace, recounted while it streams by. */
export interface ArchiveNamespaceTally {
  /** `db.collection` as the data segments name it (time-series data: `db.system.buckets.<name>`). */
  name: string;
  documents: number;
  bytes: number;
  /** The EOF block's CRC-64 (already checked against the documents by the reader), 16 hex digits. */
  crc: string | undefined;
  contentHash: string;
}

export interface TallyOptions {
  /** Documents are hashed inline until this many bytes were seen, then by a worker pool. Default 8 MiB. */
  poolAfterBytes?: number;
  /** Worker threads for hashing; default: the cores less one, at most 4. */
  poolSize?: number;
}

interface Accumulator {
  tally: Omit<ArchiveNamespaceTally, 'contentHash'>;
  inline: ContentHash;
  /** Sum of the partial hashes computed by the pool. */
  pooled: bigint;
  /** Runs of consecutive documents waiting for a worker. */
  queued: Uint8Array[];
  queuedBytes: number;
}

// Documents handed to a worker at once: large enough to make messaging negligible.
const RUN_BYTES = 1024 * 1024;

/**
 * Recounts documents, bytes and content hashes per namespace as archive events pass through, for
 * integrity checks and to compare a restore against. Nothing is decoded; the one SHA-256 per
 * document runs on worker threads once the archive proves large, so hashing keeps up with reading.
 * Call `finish()` (or `close()` on failure) when the events are done.
 */
export class ArchiveTally {
  /** Called per batch of documents with their bytes and count (for progress). */
  onDocuments: ((bytes: number, documents: number) => void) | undefined;
  header: ArchiveHeader | undefined;
  prelude: PreludeNamespace[] | undefined;
  readonly #namespaces = new Map<string, Accumulator>();
  readonly #poolAfterBytes: number;
  readonly #poolSize: number | undefined;
  #pool: HashPool | undefined;
  #seenBytes = 0;
  #complete = false;

  constructor(options: TallyOptions = {}) {
    this.#poolAfterBytes = options.poolAfterBytes ?? 8 * 1024 * 1024;
    this.#poolSize = options.poolSize;
  }

  /** Passes events through unchanged while counting them. */
  async *tap(events: AsyncIterable<ArchiveEvent>): AsyncGenerator<ArchiveEvent> {
    for await (const event of events) {
      await this.observe(event);
      yield event;
    }
  }

  async observe(event: ArchiveEvent): Promise<void> {
    switch (event.type) {
      case 'prelude':
        this.header = event.header;
        this.prelude = event.namespaces;
        return;
      case 'documents': {
        const entry = this.#entry(`${event.ns.db}.${event.ns.collection}`);
        let bytes = 0;
        for (const doc of event.docs) bytes += doc.length;
        entry.tally.documents += event.docs.length;
        entry.tally.bytes += bytes;
        this.#seenBytes += bytes;
        this.onDocuments?.(bytes, event.docs.length);
        if (!this.#pool && this.#seenBytes <= this.#poolAfterBytes) {
          for (const doc of event.docs) entry.inline.add(doc);
          return;
        }
        entry.queued.push(...spansOf(event.docs, bytes));
        entry.queuedBytes += bytes;
        if (entry.queuedBytes >= RUN_BYTES) await this.#dispatch(entry);
        return;
      }
      case 'eof': {
        const entry = this.#entry(`${event.ns.db}.${event.ns.collection}`);
        entry.tally.crc = event.crc.toString(16).padStart(16, '0');
        await this.#dispatch(entry);
        return;
      }
      case 'end':
        this.#complete = true;
        return;
    }
  }

  async #dispatch(entry: Accumulator): Promise<void> {
    if (entry.queued.length === 0) return;
    const spans = entry.queued;
    const bytes = entry.queuedBytes;
    entry.queued = [];
    entry.queuedBytes = 0;
    this.#pool ??= new HashPool(this.#poolSize);
    if (this.#pool.busy) {
      // Every worker has work queued: hash here rather than wait, so all cores stay in use.
      for (const span of spans) forEachDocument(span, (doc) => entry.inline.add(doc));
      return;
    }
    // One standalone copy per run: the worker takes ownership of it, the archive's buffers stay put.
    const run = new Uint8Array(bytes);
    let at = 0;
    for (const span of spans) {
      run.set(span, at);
      at += span.length;
    }
    this.#pool.hash(run, (value) => {
      entry.pooled = addSums(entry.pooled, value);
    });
  }

  /** Hashes what is still queued and stops the workers; the content hashes are then final. */
  async finish(): Promise<void> {
    try {
      for (const entry of this.#namespaces.values()) await this.#dispatch(entry);
      await this.#pool?.drain();
    } finally {
      await this.close();
    }
  }

  /** Stops the workers without waiting for queued work (after a failure). */
  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    await pool?.close();
  }

  #entry(name: string): Accumulator {
    let entry = this.#namespaces.get(name);
    if (!entry) {
      entry = {
        tally: { name, documents: 0, bytes: 0, crc: undefined },
        inline: new ContentHash(),
        pooled: 0n,
        queued: [],
        queuedBytes: 0,
      };
      this.#namespaces.set(name, entry);
    }
    return entry;
  }

  /** Every archive was read to its end: all CRCs and the prelude's namespaces were checked. */
  get complete(): boolean {
    return this.#complete;
  }

  get(name: string): ArchiveNamespaceTally | undefined {
    const entry = this.#namespaces.get(name);
    if (!entry) return undefined;
    const sum = addSums(BigInt(`0x${entry.inline.hex()}`), entry.pooled);
    return { ...entry.tally, contentHash: sum.toString(16).padStart(64, '0') };
  }

  get namespaces(): ArchiveNamespaceTally[] {
    return [...this.#namespaces.keys()].map((name) => this.get(name) as ArchiveNamespaceTally);
  }

  get documents(): number {
    let total = 0;
    for (const { tally } of this.#namespaces.values()) total += tally.documents;
    return total;
  }
}

/**
 * The documents of one batch as few runs as possible: a data segment's documents lie back to back,
 * so a batch read from one chunk is a single run, copied in one call.
 */
function spansOf(docs: Buffer[], bytes: number): Uint8Array[] {
  const first = docs[0];
  const last = docs[docs.length - 1];
  if (!first || !last) return [];
  const contiguous =
    first.buffer === last.buffer && last.byteOffset + last.length - first.byteOffset === bytes;
  return contiguous ? [new Uint8Array(first.buffer, first.byteOffset, bytes)] : docs;
}

/** Calls `use` with each document of a run of consecutive documents. */
function forEachDocument(span: Uint8Array, use: (doc: Uint8Array) => void): void {
  const view = new DataView(span.buffer, span.byteOffset, span.byteLength);
  for (let at = 0; at + 4 <= span.length; ) {
    const length = view.getInt32(at, true);
    use(span.subarray(at, at + length));
    at += length;
  }
}
