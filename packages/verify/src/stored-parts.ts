import {
  type ArchiveEvent,
  combineCrc64,
  type NamespaceStats,
  type PreludeNamespace,
} from '@shipkit/archive';
import { type Manifest, partsDigest } from '@shipkit/backup';
import { BSON } from 'mongodb';
import type { BackupSource } from './source';
import {
  type ArchiveLayers,
  type OpenArchiveOptions,
  type OpenedArchive,
  openStoredArchive,
  type StoredDigest,
} from './stored-archive';

/**
 * The archive a source names, opened as one stream of events: the one stored object, or — for a
 * backup in parts — every part in part order, read one after another as if they were one archive.
 * The prelude lists every namespace of the backup (from the manifest), a namespace split over parts
 * gets one EOF after its last part with the CRC of its documents in part order (the manifest's), so
 * a restore stages a split namespace into one collection and swaps once, after every part.
 */
export async function openBackupArchive(
  source: BackupSource,
  options: OpenArchiveOptions,
): Promise<OpenedArchive> {
  const parts = source.manifest?.parts;
  if (!source.manifest || !parts || !source.backupId) {
    return openStoredArchive(source.storage, source.archiveKey, options);
  }
  return new PartsArchive(source, source.manifest, options);
}

class PartsArchive implements OpenedArchive {
  readonly layers: ArchiveLayers = [];
  readonly events: AsyncIterable<ArchiveEvent>;
  readonly #opened: (OpenedArchive | undefined)[];
  readonly #source: BackupSource;
  readonly #manifest: Manifest;
  readonly #options: OpenArchiveOptions;
  #closed = false;

  constructor(source: BackupSource, manifest: Manifest, options: OpenArchiveOptions) {
    this.#source = source;
    this.#manifest = manifest;
    this.#options = options;
    this.#opened = (manifest.parts?.archives ?? []).map(() => undefined);
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

  async *#events(): AsyncGenerator<ArchiveEvent> {
    const archives = this.#manifest.parts?.archives ?? [];
    // The part after which each namespace is complete: its EOF is passed on there, and only there.
    const lastPart = new Map<string, number>();
    archives.forEach((archive, index) => {
      for (const ns of archive.namespaces) lastPart.set(`${ns.db}.${ns.collection}`, index);
    });
    const totals = new Map<string, NamespaceStats>();
    // Each namespace's CRC over the parts read so far, and its bytes in the part being read.
    const crcs = new Map<string, bigint>();
    let documents = 0;
    let archiveBytes = 0;
    for (let index = 0; index < archives.length && !this.#closed; index++) {
      const opened = await this.#open(index);
      const partBytes = new Map<string, number>();
      for await (const event of opened.events) {
        if (event.type === 'prelude') {
          if (index === 0) {
            this.layers.push(...opened.layers);
            yield { type: 'prelude', header: event.header, namespaces: preludeOf(this.#manifest) };
          }
        } else if (event.type === 'documents') {
          const key = `${event.ns.db}.${event.ns.collection}`;
          const bytes = event.docs.reduce((sum, doc) => sum + doc.length, 0);
          partBytes.set(key, (partBytes.get(key) ?? 0) + bytes);
          yield event;
        } else if (event.type === 'eof') {
          const key = `${event.ns.db}.${event.ns.collection}`;
          const before = crcs.get(key);
          const crc =
            before === undefined ? event.crc : combineCrc64(before, event.crc, partBytes.get(key) ?? 0);
          crcs.set(key, crc);
          if (lastPart.get(listedName(this.#manifest, event.ns.db, event.ns.collection)) === index) {
            yield { type: 'eof', ns: event.ns, crc, computedCrc: crc };
          }
        } else {
          for (const stats of event.stats.namespaces) {
            const key = `${stats.db}.${stats.collection}`;
            const sum = totals.get(key);
            totals.set(
              key,
              sum
                ? {
                    ...sum,
                    count: sum.count + stats.count,
                    bytes: sum.bytes + stats.bytes,
                    crc: combineCrc64(sum.crc, stats.crc, stats.bytes),
                    closed: stats.closed,
                  }
                : { ...stats },
            );
          }
          documents += event.stats.documents;
          archiveBytes += event.stats.archiveBytes;
        }
      }
    }
    yield { type: 'end', stats: { namespaces: [...totals.values()], documents, archiveBytes } };
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
