import { describe, expect, it } from '@jest/globals';
import { BSON } from 'bson';
import { crc64 } from '../src/crc64';
import { ArchiveFormatError } from '../src/errors';
import { ArchiveReader, verifyArchive } from '../src/reader';
import {
  asHex,
  assemble,
  blockHeader,
  bson,
  chunked,
  collect,
  documentsByNamespace,
  fixture,
  GOOD_ARCHIVES,
  preludeEntry,
  singleCollectionArchive,
  splitBlocks,
} from './helpers';

/** Count and CRC per namespace, worked out from the raw blocks without the reader. */
function expectedTotals(archive: Buffer): Map<string, { count: number; crc: bigint }> {
  const docs = new Map<string, Buffer[]>();
  for (const block of splitBlocks(archive).slice(1)) {
    const header = BSON.deserialize(block.header);
    const name = `${header.db}.${header.collection}`;
    docs.set(name, [...(docs.get(name) ?? []), ...block.body]);
  }
  return new Map(
    [...docs].map(([name, list]) => [name, { count: list.length, crc: crc64(Buffer.concat(list)) }]),
  );
}

async function rejection(source: Buffer | Iterable<Buffer>, options = {}): Promise<ArchiveFormatError> {
  const { error } = await collect(Buffer.isBuffer(source) ? [source] : source, options);
  expect(error).toBeInstanceOf(ArchiveFormatError);
  return error as ArchiveFormatError;
}

const doc = (value: number) => bson({ _id: value, text: `document ${value}` });

describe('ArchiveReader on archives written by mongodump', () => {
  it.each(GOOD_ARCHIVES)('reads %s fully, with the counts and CRCs of its blocks', async (name) => {
    const archive = fixture(name);
    const stats = await verifyArchive([archive], { validateBson: true });
    const expected = expectedTotals(archive);
    expect(
      new Map(stats.namespaces.map((ns) => [`${ns.db}.${ns.collection}`, { count: ns.count, crc: ns.crc }])),
    ).toEqual(expected);
    expect(stats.archiveBytes).toBe(archive.length);
    expect(stats.namespaces.every((ns) => ns.closed)).toBe(true);
  });

  it('reports the prelude of an old (3.4) archive, whose entries have no type', async () => {
    const { events, error } = await collect([fixture('mongorestore__test.bar.archive')]);
    expect(error).toBeUndefined();
    const prelude = events[0];
    if (prelude?.type !== 'prelude') throw new Error('first event is not the prelude');
    expect(prelude.header).toEqual({
      concurrent_collections: 4,
      version: '0.1',
      server_version: '3.4.3',
      tool_version: 'r3.4.3',
    });
    expect(prelude.namespaces.map((ns) => [ns.db, ns.collection, ns.type])).toEqual([
      ['test', 'bar', 'collection'],
      ['admin', 'system.version', 'collection'],
    ]);
    const bar = prelude.namespaces[0]!;
    expect(bar.rawMetadata).toBe(
      '{"options":{},"indexes":[{"v":2,"key":{"_id":1},"name":"_id_","ns":"test.bar"}]}',
    );
    expect(bar.metadata).toMatchObject({ options: {}, indexes: [{ name: '_id_', ns: 'test.bar' }] });
  });

  it('reads the time-series data under system.buckets.<name>', async () => {
    const { events, error } = await collect([fixture('mongorestore__timeseries_tests__dump.archive')]);
    expect(error).toBeUndefined();
    const prelude = events[0];
    if (prelude?.type !== 'prelude') throw new Error('first event is not the prelude');
    const timeseries = prelude.namespaces.find((ns) => ns.collection === 'foo_ts');
    expect(timeseries?.type).toBe('timeseries');
    expect(timeseries?.metadata).toMatchObject({
      options: { timeseries: { timeField: 'ts', metaField: 'meta' } },
    });
    const docs = documentsByNamespace(events);
    expect(docs.get('timeseries_test.system.buckets.foo_ts')).toHaveLength(10);
    expect(docs.has('timeseries_test.foo_ts')).toBe(false);
    const eofs = events.filter((event) => event.type === 'eof').map((event) => event.ns.collection);
    expect(eofs).toEqual(['system.version', 'system.views', 'system.buckets.foo_ts']);
  });

  it('reads the oplog pseudo-namespace, last', async () => {
    const { events, error } = await collect([fixture('mongorestore__dump-w-oplog.archive')]);
    expect(error).toBeUndefined();
    const prelude = events[0];
    if (prelude?.type !== 'prelude') throw new Error('first event is not the prelude');
    expect(prelude.namespaces.find((ns) => ns.db === '')).toEqual({
      db: '',
      collection: 'oplog',
      type: 'collection',
      metadata: null,
      rawMetadata: '',
    });
    const end = events.at(-1);
    if (end?.type !== 'end') throw new Error('last event is not the end');
    expect(end.stats.namespaces.at(-1)).toMatchObject({ db: '', collection: 'oplog', count: 18 });
    const oplogOps = documentsByNamespace(events)
      .get('.oplog')!
      .map((op) => BSON.deserialize(op).op);
    expect(new Set(oplogOps)).toEqual(new Set(['i']));
  });

  it('rejects mongorestore__bad-format.archive, naming the namespace and offset', async () => {
    const error = await rejection(fixture('mongorestore__bad-format.archive'));
    expect(error.message).toMatch(
      /^prelude entry #0 \(test\.ixtest\) at byte offset 106 has metadata that is not valid Extended JSON: /,
    );
    expect(error.namespace).toBe('test.ixtest');
    expect(error.offset).toBe(106);
  });

  it.each([1, 2, 3, 5, 7, 64, 1000])('gives the same events when fed %i-byte chunks', async (size) => {
    for (const name of GOOD_ARCHIVES) {
      const archive = fixture(name);
      const whole = await collect([archive], { validateBson: true });
      const pieces = await collect(chunked(archive, size), { validateBson: true });
      expect(pieces.error).toBeUndefined();
      expect(asHex(documentsByNamespace(pieces.events))).toEqual(asHex(documentsByNamespace(whole.events)));
      expect(pieces.events.at(-1)).toEqual(whole.events.at(-1));
    }
  });

  it('hands out documents as slices of the input chunk when they fit in it', async () => {
    const archive = fixture('mongorestore__dump-w-oplog.archive');
    const { events } = await collect([archive]);
    const docs = [...documentsByNamespace(events).values()].flat();
    expect(docs.length).toBe(44);
    expect(docs.every((d) => d.buffer === archive.buffer)).toBe(true);
  });

  it('emits the documents of a chunk before pulling the next one', async () => {
    const archive = fixture('mongorestore__dump-w-oplog.archive');
    let pulled = 0;
    const source = (function* () {
      for (const piece of chunked(archive, 100)) {
        pulled += piece.length;
        yield piece;
      }
    })();
    for await (const event of new ArchiveReader(source)) {
      if (event.type !== 'documents') continue;
      // The batch ends within the chunk pulled last: nothing beyond it has been read yet.
      const end = event.offset + event.docs.reduce((sum, d) => sum + d.length, 0);
      expect(end).toBeLessThanOrEqual(pulled);
      expect(pulled - end).toBeLessThan(100);
    }
  });

  it('accepts a Node Readable as the source', async () => {
    const { Readable } = await import('node:stream');
    const archive = fixture('mongorestore__test.bar.archive');
    const stats = await verifyArchive(Readable.from(chunked(archive, 10)));
    expect(stats.documents).toBe(2);
  });

  it('can be iterated only once', async () => {
    const reader = new ArchiveReader([fixture('mongorestore__test.bar.archive')]);
    for await (const _ of reader) break;
    expect(() => reader[Symbol.asyncIterator]()).toThrow(TypeError);
  });
});

describe('ArchiveReader rejects broken archives with ArchiveFormatError', () => {
  const good = singleCollectionArchive([doc(1), doc(2)]);
  const blocks = splitBlocks(good);
  const [prelude, segment, eof] = blocks as [(typeof blocks)[0], (typeof blocks)[0], (typeof blocks)[0]];

  it('accepts the hand-built archive the other cases start from', async () => {
    const stats = await verifyArchive([good], { validateBson: true });
    expect(stats.namespaces).toEqual([
      {
        db: 'db',
        collection: 'coll',
        count: 2,
        bytes: doc(1).length + doc(2).length,
        crc: crc64(Buffer.concat([doc(1), doc(2)])),
        closed: true,
      },
    ]);
  });

  it('an empty input', async () => {
    expect((await rejection(Buffer.alloc(0))).message).toBe('not a mongodump archive: the input is empty');
  });

  it('a wrong magic number', async () => {
    const error = await rejection(Buffer.concat([Buffer.from('BSON'), good.subarray(4)]));
    expect(error.message).toBe(
      'not a mongodump archive: expected magic number 6de29981 at byte offset 0, found 42534f4e',
    );
  });

  it('a terminator where the prelude header is expected', async () => {
    const error = await rejection(
      Buffer.concat([good.subarray(0, 4), Buffer.from([0xff, 0xff, 0xff, 0xff])]),
    );
    expect(error.message).toBe('terminator at byte offset 4 where the prelude header was expected');
  });

  it('a terminator where a block header is expected', async () => {
    const at = eof.offset;
    const error = await rejection(
      Buffer.concat([good.subarray(0, at), Buffer.from([0xff, 0xff, 0xff, 0xff]), good.subarray(at)]),
    );
    expect(error.message).toBe(`terminator at byte offset ${at} where a block header was expected`);
  });

  it('a block header with a key too many', async () => {
    const header = bson({ db: 'db', collection: 'coll', EOF: false, CRC: BSON.Long.ZERO, extra: 1 });
    const archive = assemble([
      { header: prelude.header, body: prelude.body },
      { header, body: [doc(1)] },
    ]);
    const error = await rejection(archive);
    expect(error.message).toBe(
      `the block header at byte offset ${segment.offset} has unexpected key "extra"; the keys must be db, collection, EOF, CRC`,
    );
  });

  it('a CRC that is not an int64', async () => {
    const header = bson({ db: 'db', collection: 'coll', EOF: true, CRC: 0 });
    const archive = assemble([
      { header: prelude.header, body: prelude.body },
      { header: segment.header, body: segment.body },
      { header },
    ]);
    const error = await rejection(archive);
    expect(error.message).toBe(
      `the block header at byte offset ${eof.offset} has "CRC" of type int32; expected int64`,
    );
  });

  it('a prelude header without tool_version', async () => {
    const header = bson({ concurrent_collections: new BSON.Int32(1), version: '0.1', server_version: '7.0' });
    const error = await rejection(assemble([{ header, body: prelude.body }]));
    expect(error.message).toBe('the prelude header at byte offset 4 lacks "tool_version"');
  });

  it('a CRC mismatch, naming namespace, both CRCs and the offset', async () => {
    const corrupted = Buffer.from(good);
    corrupted[segment.offset + segment.header.length + 20]! ^= 0x01;
    const error = await rejection(corrupted);
    expect(error.message).toMatch(
      new RegExp(
        `^CRC mismatch for db\\.coll: the EOF block at byte offset ${eof.offset} stores 0x[0-9a-f]{16}, ` +
          'the 2 documents \\(\\d+ bytes\\) give 0x[0-9a-f]{16}$',
      ),
    );
    expect(error.namespace).toBe('db.coll');
    expect(error.offset).toBe(eof.offset);
  });

  it('a namespace that reappears after its EOF block', async () => {
    const archive = Buffer.concat([
      good,
      blockHeader('db', 'coll', false),
      Buffer.from([0xff, 0xff, 0xff, 0xff]),
    ]);
    const error = await rejection(archive);
    expect(error.message).toBe(`db.coll appears again at byte offset ${good.length}, after its EOF block`);
  });

  it('a namespace the prelude does not list, unless allowed', async () => {
    const extra = [
      { header: blockHeader('db', 'other', false), body: [doc(3)] },
      { header: blockHeader('db', 'other', true, crc64(doc(3))) },
    ];
    const archive = assemble([
      { header: prelude.header, body: prelude.body },
      { header: segment.header, body: segment.body },
      { header: eof.header },
      ...extra,
    ]);
    const error = await rejection(archive);
    expect(error.message).toBe(
      `the block header at byte offset ${good.length} names db.other, which the prelude does not list`,
    );
    const stats = await verifyArchive([archive], { allowUnlistedNamespaces: true });
    expect(stats.namespaces.map((ns) => ns.collection)).toEqual(['coll', 'other']);
  });

  it('accepts an oplog that the prelude does not list (older archives)', async () => {
    const archive = assemble([
      { header: prelude.header, body: prelude.body },
      { header: segment.header, body: segment.body },
      { header: eof.header },
      { header: blockHeader('', 'oplog', false), body: [doc(9)] },
      { header: blockHeader('', 'oplog', true, crc64(doc(9))) },
    ]);
    const stats = await verifyArchive([archive]);
    expect(stats.namespaces.map((ns) => ns.collection)).toEqual(['coll', 'oplog']);
  });

  it('a namespace after the oplog started', async () => {
    const archive = assemble([
      { header: prelude.header, body: [preludeEntry('db', 'coll'), preludeEntry('', 'oplog')] },
      { header: blockHeader('', 'oplog', false), body: [doc(9)] },
      { header: segment.header, body: segment.body },
    ]);
    const error = await rejection(archive);
    expect(error.message).toMatch(
      /^db\.coll appears at byte offset \d+, after the oplog started; the oplog must come last$/,
    );
  });

  it('the end of the stream with a namespace still open', async () => {
    const cut = good.subarray(0, eof.offset);
    const error = await rejection(cut);
    expect(error.message).toBe(
      `the archive ends at byte offset ${eof.offset} with namespaces still open (no EOF block): db.coll`,
    );
  });

  it('a prelude namespace that never gets an EOF block', async () => {
    const archive = assemble([
      { header: prelude.header, body: [...prelude.body, preludeEntry('db', 'view', 'view')] },
      { header: segment.header, body: segment.body },
      { header: eof.header },
    ]);
    const error = await rejection(archive);
    expect(error.message).toBe(
      `the archive ends at byte offset ${archive.length} before all collections were seen; ` +
        'no data segment and EOF block for: db.view',
    );
  });

  it('an EOF block before any data segment', async () => {
    const archive = assemble([{ header: prelude.header, body: prelude.body }, { header: eof.header }]);
    const error = await rejection(archive);
    expect(error.message).toBe(
      `the EOF block of db.coll at byte offset ${segment.offset} comes before any data segment`,
    );
  });

  it('an EOF block with a body', async () => {
    const archive = assemble([
      { header: prelude.header, body: prelude.body },
      { header: segment.header, body: segment.body },
      { header: eof.header, body: [doc(1)] },
    ]);
    const error = await rejection(archive);
    expect(error.message).toBe(
      `the EOF block of db.coll at byte offset ${eof.offset} is followed by data at byte offset ` +
        `${eof.offset + eof.header.length} instead of the terminator`,
    );
  });

  it.each([
    [0, 'has length 0'],
    [4, 'has length 4'],
    [-2, 'has length -2'],
    [16 * 1024 * 1024 + 16 * 1024 + 1, 'has length 16793601'],
  ])('a document length of %i', async (length, expected) => {
    const archive = Buffer.from(good);
    const at = segment.offset + segment.header.length;
    archive.writeInt32LE(length, at);
    const error = await rejection(archive);
    expect(error.message).toBe(
      `document #0 of db.coll at byte offset ${at} ${expected}; a document has 5..16793600 bytes`,
    );
    expect(error.namespace).toBe('db.coll');
  });

  it('a document whose last byte is not 0x00', async () => {
    const archive = Buffer.from(good);
    const at = segment.offset + segment.header.length;
    archive[at + doc(1).length - 1] = 1;
    const error = await rejection(archive);
    expect(error.message).toBe(`document #0 of db.coll at byte offset ${at} does not end with 0x00`);
  });

  it.each([5, 40, 0.5])('input truncated at %f of its length', async (fraction) => {
    const cut = Math.floor(fraction < 1 ? good.length * fraction : fraction);
    const error = await rejection(good.subarray(0, cut));
    expect(error.message).toMatch(/^archive truncated: .* byte offset \d+/);
  });

  it('a truncated document, split over 1-byte chunks', async () => {
    const at = segment.offset + segment.header.length;
    const error = await rejection(chunked(good.subarray(0, at + 10), 1));
    expect(error.message).toBe(
      `archive truncated: document #0 of db.coll at byte offset ${at} has ${doc(1).length} bytes but the stream ends after 10`,
    );
  });

  it('a source that yields strings', async () => {
    const { error } = await collect(['not bytes' as unknown as Uint8Array]);
    expect(error).toBeInstanceOf(TypeError);
  });
});
