import type { ArchiveEvent, ArchiveHeader, PreludeNamespace } from '@shipkit/archive';
import { ContentHash } from '@shipkit/mongo';

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

/**
 * Recounts documents, bytes and content hashes per namespace as archive events pass through, for
 * integrity checks and to compare a restore against. Work per document is one SHA-256 and a few
 * additions; nothing is decoded.
 */
export class ArchiveTally {
  /** Called per batch of documents with their bytes and count (for progress). */
  onDocuments: ((bytes: number, documents: number) => void) | undefined;
  header: ArchiveHeader | undefined;
  prelude: PreludeNamespace[] | undefined;
  readonly #namespaces = new Map<string, { tally: ArchiveNamespaceTally; hash: ContentHash }>();
  #complete = false;

  /** Passes events through unchanged while counting them. */
  async *tap(events: AsyncIterable<ArchiveEvent>): AsyncGenerator<ArchiveEvent> {
    for await (const event of events) {
      this.observe(event);
      yield event;
    }
  }

  /** Consumes all events. */
  async consume(events: AsyncIterable<ArchiveEvent>): Promise<void> {
    for await (const event of events) this.observe(event);
  }

  observe(event: ArchiveEvent): void {
    switch (event.type) {
      case 'prelude':
        this.header = event.header;
        this.prelude = event.namespaces;
        return;
      case 'documents': {
        const entry = this.#entry(`${event.ns.db}.${event.ns.collection}`);
        const { hash, tally } = entry;
        let bytes = 0;
        for (const doc of event.docs) {
          hash.add(doc);
          bytes += doc.length;
        }
        tally.documents += event.docs.length;
        tally.bytes += bytes;
        this.onDocuments?.(bytes, event.docs.length);
        return;
      }
      case 'eof':
        this.#entry(`${event.ns.db}.${event.ns.collection}`).tally.crc = event.crc
          .toString(16)
          .padStart(16, '0');
        return;
      case 'end':
        this.#complete = true;
        return;
    }
  }

  #entry(name: string) {
    let entry = this.#namespaces.get(name);
    if (!entry) {
      entry = {
        tally: { name, documents: 0, bytes: 0, crc: undefined, contentHash: '' },
        hash: new ContentHash(),
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
    return entry && { ...entry.tally, contentHash: entry.hash.hex() };
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
