import {
  type ArchiveEvent,
  type ArchiveStats,
  combineCrc64,
  type NamespaceStats,
  type PreludeNamespace,
} from '@shipkit/archive';
import { type Manifest, partsDigest } from '@shipkit/backup';
import { BSON } from 'mongodb';
import type { BackupSource } from './source';
import {
  type ArchiveLayers,
  ArchiveStageError,
  type OpenArchiveOptions,
  type OpenedArchive,
  openStoredArchive,
  type StoredDigest,
} from './stored-archive';

/**
 * The archive a source names, opened as one stream of events: the one stored object, or — for a
 * backup in parts — every part, up to `parallelParts` of them read at once, their events merged into
 * one stream as if they were one archive. The prelude lists every namespace of the backup (from the
 * manifest); a namespace split over parts gets one EOF, once every part holding it has ended it, with
 * the CRC of its documents combined in part order (the manifest's). So a restore stages a split
 * namespace into one collection — parts read at once insert their disjoint `_id` ranges into it side
 * by side — builds its indexes once, and swaps once, after every part.
 */
export async function openBackupArchive(
  source: BackupSource,
  options: OpenArchiveOptions,
  parallelParts = 1,
): Promise<OpenedArchive> {
  const parts = source.manifest?.parts;
  if (!source.manifest || !parts || !source.backupId) {
    return openStoredArchive(source.storage, source.archiveKey, options);
  }
  return new PartsArchive(source, source.manifest, options, parallelParts);
}

/** One part's next event, or what its iteration threw: a read in flight never rejects unobserved. */
type Step = { index: number } & ({ result: IteratorResult<ArchiveEvent> } | { error: unknown });

/** What a part's EOF said of a namespace: its CRC and the bytes of its documents in that part. */
interface PartEnd {
  crc: bigint;
  bytes: number;
}

class PartsArchive implements OpenedArchive {
  readonly layers: ArchiveLayers = [];
  readonly events: AsyncIterable<ArchiveEvent>;
  readonly #opened: (OpenedArchive | undefined)[];
  readonly #source: BackupSource;
  readonly #manifest: Manifest;
  readonly #options: OpenArchiveOptions;
  readonly #parallel: number;
  #closed = false;

  constructor(source: BackupSource, manifest: Manifest, options: OpenArchiveOptions, parallelParts: number) {
    this.#source = source;
    this.#manifest = manifest;
    this.#options = options;
    this.#opened = (manifest.parts?.archives ?? []).map(() => undefined);
    this.#parallel = Math.max(1, Math.min(parallelParts, this.#opened.length));
    this.events = this.#events();
  }

  #keyOf(index: number): string {
    const part = this.#manifest.parts?.archives[index];
    return `${this.#source.backupId}/${part?.key}`;
  }

  async #open(index: number): Promise<OpenedArchive> {
    const opened = await openStoredArchive(this.#source.storage, this.#keyOf(index), this.#options);
    this.#opened[index] = opened;
    return opened;
  }

  /**
   * The parts' events merged: each part read in flight holds at most one event nobody took yet, so
   * memory grows with the number of parts read at once, never with their size. Parts are taken in
   * turn among those that have an event ready, so none waits behind another.
   */
  async *#events(): AsyncGenerator<ArchiveEvent> {
    const archives = this.#manifest.parts?.archives ?? [];
    // How many parts hold each namespace: its EOF is passed on once all of them ended it, and only then.
    const holders = new Map<string, number>();
    for (const archive of archives) {
      for (const ns of archive.namespaces) {
        const key = `${ns.db}.${ns.collection}`;
        holders.set(key, (holders.get(key) ?? 0) + 1);
      }
    }
    const ends = new Map<string, Map<number, PartEnd>>();
    const partBytes = archives.map(() => new Map<string, number>());
    const partStats: (ArchiveStats | undefined)[] = archives.map(() => undefined);
    const reading = new Map<number, { iterator: AsyncIterator<ArchiveEvent>; next: Promise<Step> }>();
    const read = (index: number, iterator: AsyncIterator<ArchiveEvent>): Promise<Step> =>
      iterator.next().then(
        (result) => ({ index, result }),
        (error: unknown) => ({ index, error }),
      );
    let toOpen = 0;
    const openNext = async () => {
      const index = toOpen++;
      const iterator = (await this.#open(index)).events[Symbol.asyncIterator]();
      reading.set(index, { iterator, next: read(index, iterator) });
    };
    while (reading.size < this.#parallel && toOpen < archives.length) await openNext();
    let preluded = false;
    let last = -1;
    while (reading.size > 0 && !this.#closed) {
      // The part after the one last taken comes first among those ready: they take turns.
      const turn = (index: number) => (index - last - 1 + archives.length) % archives.length;
      const order = [...reading.keys()].sort((a, b) => turn(a) - turn(b));
      const step = await Promise.race(
        order.map((index) => (reading.get(index) as { next: Promise<Step> }).next),
      );
      if ('error' in step) throw step.error;
      const { index, result } = step;
      const part = reading.get(index) as { iterator: AsyncIterator<ArchiveEvent>; next: Promise<Step> };
      if (result.done) {
        reading.delete(index);
        if (toOpen < archives.length && !this.#closed) await openNext();
        continue;
      }
      last = index;
      const event = result.value;
      if (event.type === 'prelude') {
        if (!preluded) {
          preluded = true;
          this.layers.push(...(this.#opened[index]?.layers ?? []));
          yield { type: 'prelude', header: event.header, namespaces: preludeOf(this.#manifest) };
        }
      } else if (event.type === 'documents') {
        const key = `${event.ns.db}.${event.ns.collection}`;
        const bytes = event.docs.reduce((sum, doc) => sum + doc.length, 0);
        const counted = partBytes[index] as Map<string, number>;
        counted.set(key, (counted.get(key) ?? 0) + bytes);
        yield event;
      } else if (event.type === 'eof') {
        const key = `${event.ns.db}.${event.ns.collection}`;
        const listed = listedName(this.#manifest, event.ns.db, event.ns.collection);
        this.#checkPartCrc(index, listed, event.crc);
        const ended = ends.get(key) ?? new Map<number, PartEnd>();
        ends.set(key, ended);
        ended.set(index, { crc: event.crc, bytes: partBytes[index]?.get(key) ?? 0 });
        if (ended.size === holders.get(listed)) {
          const crc = combineInPartOrder(ended);
          yield { type: 'eof', ns: event.ns, crc, computedCrc: crc };
        }
      } else {
        partStats[index] = event.stats;
      }
      part.next = read(index, part.iterator);
    }
    if (this.#closed) return;
    yield { type: 'end', stats: sumStats(partStats) };
  }

  /** A part's namespace CRC against its part record, as finalize recorded it: a mismatch names the part. */
  #checkPartCrc(index: number, listed: string, crc: bigint): void {
    const archive = this.#manifest.parts?.archives[index];
    const recorded = archive?.namespaces.find((ns) => `${ns.db}.${ns.collection}` === listed)?.crc;
    if (!archive || recorded === undefined || BigInt(`0x${recorded}`) === crc) return;
    throw new ArchiveStageError(
      'parse',
      `part ${archive.part} (${archive.key}) is damaged: ${listed} has CRC-64 ${crc.toString(16).padStart(16, '0')}, its part record says ${recorded}`,
    );
  }

  async digest(drain: boolean): Promise<StoredDigest> {
    const archives = this.#manifest.parts?.archives ?? [];
    const digests: StoredDigest[] = [];
    for (let index = 0; index < archives.length; index++) {
      let opened = this.#opened[index];
      if (!opened) {
        if (!drain) {
          digests.push({ sha256: '', bytes: 0, complete: false });
          continue;
        }
        opened = await this.#open(index);
      }
      digests.push(await opened.digest(drain));
    }
    const complete = digests.every((d) => d.complete);
    const changed = archives
      .filter((archive, index) => digests[index]?.complete && digests[index]?.sha256 !== archive.sha256)
      .map((archive) => `part ${archive.part} (${archive.key})`);
    return {
      sha256: partsDigest(digests),
      bytes: digests.reduce((sum, d) => sum + d.bytes, 0),
      complete,
      ...(changed.length > 0 ? { changed } : {}),
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const opened of this.#opened) await opened?.close();
  }
}

/** The prelude of the whole backup, from the manifest: what each part's prelude says of its namespaces. */
function preludeOf(manifest: Manifest): PreludeNamespace[] {
  return manifest.namespaces.map((ns) => {
    const metadata = {
      options: ns.options,
      indexes: ns.indexes,
      ...(ns.uuid ? { uuid: ns.uuid } : {}),
      collectionName: ns.collection,
      type: ns.type,
    };
    const rawMetadata = JSON.stringify(metadata);
    return {
      db: ns.db,
      collection: ns.collection,
      type: ns.type,
      metadata: BSON.EJSON.parse(rawMetadata, { relaxed: false }) as Record<string, unknown>,
      rawMetadata,
    };
  });
}

/** The name the manifest lists a namespace under (a time-series collection's data is in system.buckets.). */
function listedName(manifest: Manifest, db: string, collection: string): string {
  const bucket = 'system.buckets.';
  if (collection.startsWith(bucket)) {
    const listed = manifest.namespaces.find(
      (ns) => ns.db === db && ns.collection === collection.slice(bucket.length) && ns.type === 'timeseries',
    );
    if (listed) return `${db}.${listed.collection}`;
  }
  return `${db}.${collection}`;
}

/** A namespace's CRC over the parts holding it: their CRCs combined in part order. */
function combineInPartOrder(ends: Map<number, PartEnd>): bigint {
  let crc: bigint | undefined;
  for (const [, end] of [...ends].sort(([a], [b]) => a - b)) {
    crc = crc === undefined ? end.crc : combineCrc64(crc, end.crc, end.bytes);
  }
  return crc ?? 0n;
}

/** The archive statistics over every part read to its end, namespaces combined in part order. */
function sumStats(parts: (ArchiveStats | undefined)[]): ArchiveStats {
  const totals = new Map<string, NamespaceStats>();
  let documents = 0;
  let archiveBytes = 0;
  for (const stats of parts) {
    if (!stats) continue;
    for (const ns of stats.namespaces) {
      const key = `${ns.db}.${ns.collection}`;
      const sum = totals.get(key);
      totals.set(
        key,
        sum
          ? {
              ...sum,
              count: sum.count + ns.count,
              bytes: sum.bytes + ns.bytes,
              crc: combineCrc64(sum.crc, ns.crc, ns.bytes),
              closed: ns.closed,
            }
          : { ...ns },
      );
    }
    documents += stats.documents;
    archiveBytes += stats.archiveBytes;
  }
  return { namespaces: [...totals.values()], documents, archiveBytes };
}
