import { availableParallelism } from 'node:os';
import type { ArchiveEvent, ArchiveHeader, PreludeNamespace } from '@shipkit/archive';
import { ContentHash } from '@shipkit/mongo';
import { HashPool, SLOT_BYTES } from './hash-pool';

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
  /**
   * Documents are hashed inline until this many bytes were seen, then by a worker pool. Default 8 MiB
   * where there are more than two cores, else `Infinity`: everything inline (no worker threads).
   */
  poolAfterBytes?: number;
  /** Worker threads for hashing; default: the cores less one, at most 4. */
  poolSize?: number;
}

interface Accumulator {
  tally: Omit<ArchiveNamespaceTally, 'contentHash'>;
  /** Hashed here, and the partial sums the pool sent back. */
  hash: ContentHash;
  /** Runs of consecutive documents waiting for a worker, at most `SLOT_BYTES` in all. */
  queued: Uint8Array[];
  queuedBytes: number;
}

/**
 * Recounts documents, bytes and content hashes per namespace as archive events pass through, for
 * integrity checks and to compare a restore against. Nothing is decoded; the one SHA-256 per
 * document runs on worker threads once the archive proves large and there are cores to spare.
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
    this.#poolAfterBytes = options.poolAfterBytes ?? defaultPoolAfterBytes();
    this.#poolSize = options.poolSize;
  }

  /** Passes events through unchanged while counting them. */
  async *tap(events: AsyncIterable<ArchiveEvent>): AsyncGenerator<ArchiveEvent> {
    for await (const event of events) {
      this.observe(event);
      yield event;
    }
  }

  observe(event: ArchiveEvent): void {
    switch (event.type) {
      case 'prelude':
        this.header = event.header;
        this.prelude = event.namespaces;
        return;
      case 'documents': {
        const entry = this.#entry(`${event.ns.db}.${event.ns.collection}`);
        const { run } = event;
        entry.tally.documents += event.count;
        entry.tally.bytes += run.length;
        this.#seenBytes += run.length;
        this.onDocuments?.(run.length, event.count);
        if (!this.#pool && this.#seenBytes <= this.#poolAfterBytes) {
          entry.hash.addRun(run);
          return;
        }
        if (entry.queuedBytes + run.length > SLOT_BYTES) this.#dispatch(entry);
        if (run.length > SLOT_BYTES) {
          // A run larger than a slot (one large document): hashed here.
          entry.hash.addRun(run);
          return;
        }
        entry.queued.push(run);
        entry.queuedBytes += run.length;
        return;
      }
      case 'eof': {
        const entry = this.#entry(`${event.ns.db}.${event.ns.collection}`);
        entry.tally.crc = event.crc.toString(16).padStart(16, '0');
        this.#dispatch(entry);
        return;
      }
      case 'end':
        this.#complete = true;
        return;
    }
  }

  /** Hands the queued runs to a worker, or hashes them here when every worker has work waiting. */
  #dispatch(entry: Accumulator): void {
    if (entry.queued.length === 0) return;
    const runs = entry.queued;
    entry.queued = [];
    entry.queuedBytes = 0;
    this.#pool ??= new HashPool(this.#poolSize);
    if (this.#pool.busy) {
      for (const run of runs) entry.hash.addRun(run);
      return;
    }
    this.#pool.hash(runs, (limbs, count) => entry.hash.addSum(limbs, count));
  }

  /** Hashes what is still queued and stops the workers; the content hashes are then final. */
  async finish(): Promise<void> {
    try {
      for (const entry of this.#namespaces.values()) this.#dispatch(entry);
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
        hash: new ContentHash(),
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
    return { ...entry.tally, contentHash: entry.hash.hex() };
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
 * On two cores the zstd frames already decompress on the second one, and a hashing worker competing
 * for it cost more than it saved: at 256 MiB of BSON, 2.3–3.2 CPU seconds and 218–223 MiB of peak
 * RSS with the worker against 1.5–2.5 s and 182–195 MiB inline, and no shorter wall time.
 */
function defaultPoolAfterBytes(): number {
  return availableParallelism() > 2 ? 8 * 1024 * 1024 : Number.POSITIVE_INFINITY;
}
