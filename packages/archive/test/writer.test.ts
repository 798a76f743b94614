import { describe, expect, it } from '@jest/globals';
import { BSON, EJSON } from 'bson';
import { crc64 } from '../src/crc64';
import { ArchiveFormatError } from '../src/errors';
import { OPLOG_NAMESPACE } from '../src/format';
import { verifyArchive } from '../src/reader';
import { ArchiveWriter, type Prelude } from '../src/writer';
import { bson, collect, documentsByNamespace, drain, metadataFor, splitBlocks } from './helpers';

const header = { concurrent_collections: 4, server_version: '7.0.12', tool_version: 'shipkit 0.1.0' };

function prelude(...entries: Array<[string, 'collection' | 'view' | 'timeseries'] | 'oplog'>): Prelude {
  return {
    header,
    namespaces: entries.map((entry) => {
      if (entry === 'oplog') return { ...OPLOG_NAMESPACE, type: 'collection' as const, metadata: '' };
      const [name, type] = entry;
      const [db, collection] = name.split('.') as [string, string];
      return { db, collection, type, metadata: metadataFor(collection, type) };
    }),
  };
}

const doc = (value: number) => bson({ _id: value, payload: 'x'.repeat(value % 50) });

/** Starts a writer whose output is collected; `done` resolves to the archive bytes. */
function started(p: Prelude, options = {}) {
  const writer = new ArchiveWriter(options);
  const done = drain(writer.stream);
  const begun = writer.begin(p);
  return { writer, done, begun };
}

describe('ArchiveWriter output layout', () => {
  it('writes headers with exactly the keys, key order and BSON types mongorestore expects', async () => {
    const { writer, done } = started(prelude(['app.users', 'collection'], ['app.active', 'view'], 'oplog'));
    await writer.writeDocuments('app.users', [doc(1), doc(2)]);
    await writer.endNamespace('app.users');
    await writer.endUnwrittenNamespaces();
    await writer.writeDocuments(OPLOG_NAMESPACE, [doc(3)]);
    await writer.endNamespace(OPLOG_NAMESPACE);
    await writer.finish();
    const archive = await done;

    expect(archive.subarray(0, 4)).toEqual(Buffer.from([0x6d, 0xe2, 0x99, 0x81]));
    const blocks = splitBlocks(archive);
    const raw = (buffer: Buffer) => BSON.deserialize(buffer, { promoteValues: false });

    const preludeHeader = raw(blocks[0]!.header);
    expect(Object.keys(preludeHeader)).toEqual([
      'concurrent_collections',
      'version',
      'server_version',
      'tool_version',
    ]);
    expect(preludeHeader.concurrent_collections._bsontype).toBe('Int32');
    expect(BSON.deserialize(blocks[0]!.header)).toEqual({ ...header, version: '0.1' });

    const entries = blocks[0]!.body.map(raw);
    for (const entry of entries) {
      expect(Object.keys(entry)).toEqual(['db', 'collection', 'metadata', 'size', 'type']);
      expect(entry.size._bsontype).toBe('Int32');
      expect(entry.size.value).toBe(0);
    }
    expect(entries.map((e) => [e.db.toString(), e.collection.toString(), e.type.toString()])).toEqual([
      ['app', 'users', 'collection'],
      ['app', 'active', 'view'],
      ['', 'oplog', 'collection'],
    ]);
    expect(entries[0]!.metadata.toString()).toBe(
      '{"options":{},"indexes":[{"v":{"$numberInt":"2"},"key":{"_id":{"$numberInt":"1"}},"name":"_id_"}],' +
        '"uuid":"0123456789abcdef0123456789abcdef","collectionName":"users","type":"collection"}',
    );
    expect(entries[2]!.metadata.toString()).toBe('');

    const segments = blocks.slice(1).map((block) => ({ header: raw(block.header), body: block.body }));
    for (const { header: h } of segments) {
      expect(Object.keys(h)).toEqual(['db', 'collection', 'EOF', 'CRC']);
      expect(h.CRC._bsontype).toBe('Long');
    }
    const summary = segments.map(({ header: h, body }) => [
      `${h.db}.${h.collection}`,
      h.EOF,
      BigInt.asUintN(64, BigInt(h.CRC.toString())),
      body.length,
    ]);
    expect(summary).toEqual([
      ['app.users', false, 0n, 2],
      ['app.users', true, crc64(Buffer.concat([doc(1), doc(2)])), 0],
      ['app.active', false, 0n, 0],
      ['app.active', true, 0n, 0],
      ['.oplog', false, 0n, 1],
      ['.oplog', true, crc64(doc(3)), 0],
    ]);
  });

  it('continues a segment for consecutive writes and starts a new one when the namespace changes', async () => {
    const { writer, done } = started(prelude(['db.a', 'collection'], ['db.b', 'collection']));
    await writer.writeDocuments('db.a', [doc(1)]);
    await writer.writeDocuments('db.a', [doc(2), doc(3)]);
    await writer.writeDocuments('db.b', [doc(4)]);
    await writer.writeDocuments('db.a', [doc(5)]);
    await writer.endNamespace('db.b');
    await writer.endNamespace('db.a');
    const stats = await writer.finish();
    const archive = await done;
    const shape = splitBlocks(archive)
      .slice(1)
      .map((b) => {
        const h = BSON.deserialize(b.header);
        return `${h.collection}${h.EOF ? ':EOF' : ''}(${b.body.length})`;
      });
    expect(shape).toEqual(['a(3)', 'b(1)', 'a(1)', 'b:EOF(0)', 'a:EOF(0)']);
    expect(stats.namespaces).toEqual([
      {
        db: 'db',
        collection: 'a',
        count: 4,
        bytes: [1, 2, 3, 5].reduce((sum, n) => sum + doc(n).length, 0),
        crc: crc64(Buffer.concat([1, 2, 3, 5].map(doc))),
        closed: true,
      },
      { db: 'db', collection: 'b', count: 1, bytes: doc(4).length, crc: crc64(doc(4)), closed: true },
    ]);
    expect(stats.documents).toBe(5);
    expect(stats.archiveBytes).toBe(archive.length);
    expect((await verifyArchive([archive])).namespaces).toEqual(stats.namespaces);
  });

  it('closes namespaces nobody wrote at finish(), before the oplog', async () => {
    const { writer, done } = started(
      prelude(['db.view', 'view'], ['db.empty', 'collection'], 'oplog', ['db.ts', 'timeseries']),
    );
    await writer.finish();
    const archive = await done;
    const order = splitBlocks(archive)
      .slice(1)
      .map((b) => {
        const h = BSON.deserialize(b.header);
        return `${h.db}.${h.collection}${h.EOF ? ':EOF' : ''}`;
      });
    expect(order).toEqual([
      'db.view',
      'db.view:EOF',
      'db.empty',
      'db.empty:EOF',
      'db.system.buckets.ts',
      'db.system.buckets.ts:EOF',
      '.oplog',
      '.oplog:EOF',
    ]);
    const stats = await verifyArchive([archive], { validateBson: true });
    expect(stats.namespaces.map((ns) => ns.count)).toEqual([0, 0, 0, 0]);
  });

  it('writes time-series data under system.buckets.<name> by default, under the name itself if asked', async () => {
    const buckets = started(prelude(['db.ts', 'timeseries']));
    await buckets.begun;
    await expect(buckets.writer.writeDocuments('db.ts', [doc(1)])).rejects.toThrow(
      'archive writer: db.ts is a time-series collection; write time-series data to db.system.buckets.ts',
    );
    await buckets.writer.writeDocuments('db.system.buckets.ts', [doc(1)]);
    await buckets.writer.endNamespace('db.system.buckets.ts');
    await buckets.writer.finish();
    const read = await collect([await buckets.done]);
    expect([...documentsByNamespace(read.events).keys()]).toEqual(['db.system.buckets.ts']);

    const direct = started(prelude(['db.ts', 'timeseries']), { timeseriesAsBuckets: false });
    await expect(direct.writer.writeDocuments('db.system.buckets.ts', [doc(1)])).rejects.toThrow(
      'archive writer: db.system.buckets.ts is not listed in the prelude',
    );
    await direct.writer.writeDocuments('db.ts', [doc(1)]);
    await direct.writer.endNamespace('db.ts');
    await direct.writer.finish();
    const directRead = await collect([await direct.done]);
    expect([...documentsByNamespace(directRead.events).keys()]).toEqual(['db.ts']);
  });

  it('accepts metadata already serialized as Extended JSON', async () => {
    const metadata = EJSON.stringify(metadataFor('c'), { relaxed: false });
    const { writer, done } = started({
      header,
      namespaces: [{ db: 'd', collection: 'c', type: 'collection', metadata }],
    });
    await writer.finish();
    const read = await collect([await done]);
    const first = read.events[0];
    expect(first?.type === 'prelude' && first.namespaces[0]!.rawMetadata).toBe(metadata);
  });
});

describe('ArchiveWriter enforces the format rules', () => {
  const twoAndOplog = () => prelude(['db.a', 'collection'], ['db.v', 'view'], 'oplog');

  async function rejected(promise: Promise<unknown>): Promise<string> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ArchiveFormatError);
    return (error as Error).message;
  }

  it('needs begin() first, once', async () => {
    const writer = new ArchiveWriter();
    expect(await rejected(writer.writeDocuments('db.a', []))).toBe(
      'archive writer: writeDocuments() called before begin()',
    );
    expect(await rejected(writer.finish())).toBe('archive writer: finish() called before begin()');
    void drain(writer.stream);
    await writer.begin(twoAndOplog());
    expect(await rejected(writer.begin(twoAndOplog()))).toBe('archive writer: begin() was already called');
  });

  it('checks the prelude', async () => {
    const writer = () => new ArchiveWriter();
    expect(await rejected(writer().begin({ ...twoAndOplog(), header: { ...header, version: '0.2' } }))).toBe(
      'archive writer: version must be "0.1", got "0.2"',
    );
    expect(
      await rejected(writer().begin({ ...twoAndOplog(), header: { ...header, concurrent_collections: 0 } })),
    ).toBe('archive writer: concurrent_collections must be a positive int32, got 0');
    expect(await rejected(writer().begin(prelude(['db.a', 'collection'], ['db.a', 'view'])))).toBe(
      'archive writer: db.a is listed twice',
    );
    const badMetadata = {
      header,
      namespaces: [{ db: 'd', collection: 'c', type: 'collection' as const, metadata: '{"a":' }],
    };
    expect(await rejected(writer().begin(badMetadata))).toMatch(
      /^archive writer: metadata of d\.c is not valid Extended JSON/,
    );
    const badType = {
      header,
      namespaces: [{ db: 'd', collection: 'c', type: 'table' as 'view', metadata: '{}' }],
    };
    expect(await rejected(writer().begin(badType))).toBe('archive writer: d.c has unknown type "table"');
  });

  it('rejects unknown namespaces, documents for views and malformed documents', async () => {
    const { writer, begun } = started(twoAndOplog());
    await begun;
    expect(await rejected(writer.writeDocuments('db.zzz', [doc(1)]))).toBe(
      'archive writer: db.zzz is not listed in the prelude',
    );
    expect(await rejected(writer.writeDocuments('db.v', [doc(1)]))).toBe(
      'archive writer: db.v is a view and cannot have documents',
    );
    const short = doc(1).subarray(0, 10);
    expect(await rejected(writer.writeDocuments('db.a', [doc(1), short]))).toBe(
      `archive writer: document #1 for db.a declares ${doc(1).length} bytes but has 10`,
    );
    const unterminated = Buffer.from(doc(2));
    unterminated[unterminated.length - 1] = 7;
    expect(await rejected(writer.writeDocuments('db.a', [unterminated]))).toBe(
      'archive writer: document #0 for db.a does not end with 0x00',
    );
    expect(await rejected(writer.writeDocuments('db.a', [Buffer.alloc(3)]))).toBe(
      'archive writer: document #0 for db.a has 3 bytes; a BSON document has 5..16793600',
    );
  });

  it('never lets a namespace reappear after its EOF', async () => {
    const { writer, begun } = started(twoAndOplog());
    await begun;
    await writer.writeDocuments('db.a', [doc(1)]);
    await writer.endNamespace('db.a');
    expect(await rejected(writer.writeDocuments('db.a', [doc(2)]))).toBe(
      'archive writer: db.a was already ended; a namespace cannot reappear',
    );
    expect(await rejected(writer.endNamespace('db.a'))).toBe(
      'archive writer: db.a was already ended; a namespace cannot reappear',
    );
  });

  it('keeps the oplog last', async () => {
    const { writer, begun } = started(twoAndOplog());
    await begun;
    await writer.writeDocuments('db.a', [doc(1)]);
    expect(await rejected(writer.writeDocuments(OPLOG_NAMESPACE, [doc(2)]))).toBe(
      'archive writer: the oplog must come last, but db.a, db.v not ended yet ' +
        '(call endNamespace() for them first, views and empty collections included)',
    );
    await writer.endNamespace('db.a');
    await writer.endUnwrittenNamespaces();
    await writer.writeDocuments(OPLOG_NAMESPACE, [doc(2)]);
    await writer.endNamespace(OPLOG_NAMESPACE);
    await writer.finish();
  });

  it('fails finish(), and the stream, when a written namespace was never ended', async () => {
    const { writer, done, begun } = started(twoAndOplog());
    await begun;
    await writer.writeDocuments('db.a', [doc(1)]);
    expect(await rejected(writer.finish())).toBe(
      'archive writer: finish() called while db.a had been written to but not ended with endNamespace()',
    );
    await expect(done).rejects.toThrow(ArchiveFormatError);
    await expect(writer.writeDocuments('db.a', [doc(2)])).rejects.toThrow();
  });

  it('rejects pending writes when the consumer destroys the stream', async () => {
    const writer = new ArchiveWriter({ highWaterMark: 1024 });
    writer.stream.on('error', () => undefined);
    await writer.begin(twoAndOplog());
    const big = bson({ blob: Buffer.alloc(100_000) });
    // The first write fills the stream; the next one waits for room, the one after in the queue.
    await writer.writeDocuments('db.a', [big]);
    const waiting = writer.writeDocuments('db.a', [big, big]);
    const queued = writer.writeDocuments('db.a', [big]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    writer.stream.destroy(new Error('upload failed'));
    await expect(waiting).rejects.toThrow('upload failed');
    await expect(queued).rejects.toThrow('upload failed');
    await expect(writer.writeDocuments('db.a', [doc(1)])).rejects.toThrow('upload failed');
  });
});
