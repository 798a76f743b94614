// Paths and small helpers shared by the tests: the mongo-tools fixtures and raw archive framing.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BSON, Int32, Long } from 'bson';
import { crc64 } from '../src/crc64';
import { type ArchiveEvent, type ArchiveReaderOptions, readArchive } from '../src/reader';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/mongo-tools');

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

export const GOOD_ARCHIVES = [
  'mongorestore__test.bar.archive',
  'mongorestore__dump-w-oplog.archive',
  'mongorestore__timeseries_tests__dump.archive',
] as const;

/** Splits a buffer into chunks of `size` bytes, to feed a reader piece by piece. */
export function* chunked(buffer: Buffer, size: number): Generator<Buffer> {
  for (let at = 0; at < buffer.length; at += size) yield buffer.subarray(at, at + size);
}

/** Raw framing of an archive, for tests that need to build or take apart archives by hand. */
export interface RawBlock {
  offset: number;
  header: Buffer;
  body: Buffer[];
}

export function splitBlocks(archive: Buffer): RawBlock[] {
  const blocks: RawBlock[] = [];
  let at = 4;
  while (at < archive.length) {
    const offset = at;
    const headerLength = archive.readInt32LE(at);
    const header = archive.subarray(at, at + headerLength);
    at += headerLength;
    const body: Buffer[] = [];
    for (let length = archive.readInt32LE(at); length !== -1; length = archive.readInt32LE(at)) {
      body.push(archive.subarray(at, at + length));
      at += length;
    }
    at += 4;
    blocks.push({ offset, header, body });
  }
  return blocks;
}

/** Iterates a buffer's BSON documents by their length prefixes (stops at anything malformed). */
export function splitDocuments(bytes: Buffer): Buffer[] {
  const docs: Buffer[] = [];
  for (let at = 0; at + 4 <= bytes.length; ) {
    const length = bytes.readInt32LE(at);
    if (length < 5 || at + length > bytes.length) break;
    docs.push(bytes.subarray(at, at + length));
    at += length;
  }
  return docs;
}

export const MAGIC = Buffer.from([0x6d, 0xe2, 0x99, 0x81]);
export const TERMINATOR = Buffer.from([0xff, 0xff, 0xff, 0xff]);

export function bson(doc: Record<string, unknown>): Buffer {
  return Buffer.from(BSON.serialize(doc));
}

/** A data or EOF block header exactly as mongodump writes it. */
export function blockHeader(db: string, collection: string, eof: boolean, crc = 0n): Buffer {
  return bson({ db, collection, EOF: eof, CRC: Long.fromBigInt(BigInt.asIntN(64, crc)) });
}

export function preludeHeader(): Buffer {
  return bson({
    concurrent_collections: new Int32(4),
    version: '0.1',
    server_version: '7.0.0',
    tool_version: 'test',
  });
}

export function preludeEntry(db: string, collection: string, type = 'collection'): Buffer {
  const metadata =
    db === '' ? '' : JSON.stringify({ options: {}, indexes: [], collectionName: collection, type });
  return bson({ db, collection, metadata, size: new Int32(0), type });
}

/** Joins blocks (header + body documents + terminator) after the magic number. */
export function assemble(blocks: Array<{ header: Buffer; body?: Buffer[] }>): Buffer {
  const parts: Buffer[] = [MAGIC];
  for (const block of blocks) parts.push(block.header, ...(block.body ?? []), TERMINATOR);
  return Buffer.concat(parts);
}

/** A complete archive of one collection `db.coll` holding `docs` in one segment. */
export function singleCollectionArchive(docs: Buffer[], extraBody: Buffer[] = []): Buffer {
  const body = [...docs, ...extraBody];
  return assemble([
    { header: preludeHeader(), body: [preludeEntry('db', 'coll')] },
    { header: blockHeader('db', 'coll', false), body },
    { header: blockHeader('db', 'coll', true, crc64(Buffer.concat(body))) },
  ]);
}

/** Reads an archive fully and returns what the reader reported, or the error it threw. */
export async function collect(source: Parameters<typeof readArchive>[0], options?: ArchiveReaderOptions) {
  const events: ArchiveEvent[] = [];
  try {
    for await (const event of readArchive(source, options)) events.push(event);
    return { events, error: undefined };
  } catch (error) {
    return { events, error };
  }
}

/** Documents per namespace name, in archive order. */
export function documentsByNamespace(events: ArchiveEvent[]): Map<string, Buffer[]> {
  const out = new Map<string, Buffer[]>();
  for (const event of events) {
    if (event.type !== 'documents') continue;
    const name = `${event.ns.db}.${event.ns.collection}`;
    const list = out.get(name) ?? [];
    list.push(...event.docs);
    out.set(name, list);
  }
  return out;
}

/** Documents as hex strings: jest compares strings far faster than large Buffers. */
export function asHex(docs: Map<string, Buffer[]>): Map<string, string[]> {
  return new Map([...docs].map(([name, list]) => [name, list.map((doc) => doc.toString('hex'))]));
}

/** Reads a whole stream into one Buffer. */
export async function drain(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export function metadataFor(collection: string, type: 'collection' | 'view' | 'timeseries' = 'collection') {
  return {
    options: type === 'view' ? { viewOn: 'base', pipeline: [{ $match: { a: 1 } }] } : {},
    indexes: type === 'view' ? [] : [{ v: 2, key: { _id: 1 }, name: '_id_' }],
    ...(type === 'view' ? {} : { uuid: '0123456789abcdef0123456789abcdef' }),
    collectionName: collection,
    type,
  };
}
