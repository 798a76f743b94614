import { describe, expect, it } from '@jest/globals';
import { Binary, BSON, Long, ObjectId } from 'bson';
import fc from 'fast-check';
import { crc64 } from '../src/crc64';
import { namespaceName, OPLOG_NAMESPACE } from '../src/format';
import { type ArchiveEvent, readArchive } from '../src/reader';
import { ArchiveWriter, type Prelude } from '../src/writer';
import { asHex, chunked, collect, documentsByNamespace, drain, metadataFor } from './helpers';

/** Deterministic pseudo-random numbers, so failures reproduce. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
}

function makeDocument(next: () => number, id: number): Buffer {
  const size = next() < 0.02 ? 70_000 + Math.floor(next() * 30_000) : Math.floor(next() * 400);
  return Buffer.from(
    BSON.serialize({
      _id: new ObjectId(),
      n: id,
      big: Long.fromNumber(Math.floor(next() * 2 ** 50)),
      text: 'é'.repeat(Math.floor(next() * 20)),
      when: new Date(1_700_000_000_000 + id),
      blob: new Binary(Buffer.alloc(size, id & 0xff)),
      nested: { list: [1, 'two', { three: 3 }], flag: next() < 0.5 },
    }),
  );
}

const header = { concurrent_collections: 4, server_version: '8.0.4', tool_version: 'shipkit' };

const PRELUDE: Prelude = {
  header,
  namespaces: [
    { db: 'app', collection: 'users', type: 'collection', metadata: metadataFor('users') },
    { db: 'app', collection: 'orders', type: 'collection', metadata: metadataFor('orders') },
    { db: 'app', collection: 'empty', type: 'collection', metadata: metadataFor('empty') },
    { db: 'app', collection: 'active_users', type: 'view', metadata: metadataFor('active_users', 'view') },
    { db: 'metrics', collection: 'temps', type: 'timeseries', metadata: metadataFor('temps', 'timeseries') },
    { ...OPLOG_NAMESPACE, type: 'collection', metadata: '' },
  ],
};

describe('write then read', () => {
  it('gives back every document byte for byte, with CRCs equal to crc64 of their bytes', async () => {
    const next = random(1234);
    const plan: Record<string, Buffer[][]> = {
      'app.users': [],
      'app.orders': [],
      'metrics.system.buckets.temps': [],
    };
    let id = 0;
    for (const batches of Object.values(plan)) {
      for (let b = 0; b < 30; b++) {
        batches.push(Array.from({ length: 1 + Math.floor(next() * 8) }, () => makeDocument(next, id++)));
      }
    }
    const oplog = Array.from({ length: 12 }, () => makeDocument(next, id++));

    const writer = new ArchiveWriter({ highWaterMark: 32 * 1024 });
    // Read while writing: the reader consumes the writer's stream directly.
    const reading = collectEvents(readArchive(writer.stream, { validateBson: true }));
    await writer.begin(PRELUDE);
    // Parallel producers, as in a dump of several collections at once.
    await Promise.all(
      Object.entries(plan).map(async ([ns, batches]) => {
        for (const batch of batches) await writer.writeDocuments(ns, batch);
        await writer.endNamespace(ns);
      }),
    );
    await writer.endUnwrittenNamespaces();
    await writer.writeDocuments(OPLOG_NAMESPACE, oplog.slice(0, 5));
    await writer.writeDocuments(OPLOG_NAMESPACE, oplog.slice(5));
    await writer.endNamespace(OPLOG_NAMESPACE);
    const written = await writer.finish();
    const events = await reading;

    const expected = new Map([
      ...Object.entries(plan).map(([ns, b]) => [ns, b.flat()] as const),
      ['.oplog', oplog],
    ]);
    expect(asHex(documentsByNamespace(events))).toEqual(asHex(expected));

    const eofs = events.flatMap((event) => (event.type === 'eof' ? [event] : []));
    for (const eof of eofs) {
      const docs = expected.get(`${eof.ns.db}.${eof.ns.collection}`) ?? [];
      expect(eof.crc).toBe(crc64(Buffer.concat(docs)));
      expect(eof.computedCrc).toBe(eof.crc);
    }
    expect(eofs.map((eof) => namespaceName(eof.ns)).sort()).toEqual(
      [
        'app.active_users',
        'app.empty',
        'app.orders',
        'app.users',
        'metrics.system.buckets.temps',
        'oplog',
      ].sort(),
    );
    expect(eofs.at(-1)?.ns).toEqual(OPLOG_NAMESPACE);

    const end = events.at(-1);
    if (end?.type !== 'end') throw new Error('no end event');
    expect(end.stats).toEqual(written);

    // The producers really were interleaved: more segments than namespaces.
    const segments = events.filter((event) => event.type === 'documents').length;
    expect(segments).toBeGreaterThan(expected.size);
  });

  it('reads the written archive identically from 1-byte chunks', async () => {
    const next = random(99);
    const writer = new ArchiveWriter();
    const output = drain(writer.stream);
    await writer.begin(PRELUDE);
    for (let round = 0; round < 5; round++) {
      await writer.writeDocuments('app.users', [makeDocument(next, round), makeDocument(next, round + 100)]);
      await writer.writeDocuments('app.orders', [makeDocument(next, round + 200)]);
    }
    await writer.endNamespace('app.users');
    await writer.endNamespace('app.orders');
    await writer.finish();
    const archive = await output;
    const whole = await collect([archive], { validateBson: true });
    const bytewise = await collect(chunked(archive, 1), { validateBson: true });
    expect(whole.error).toBeUndefined();
    expect(bytewise.error).toBeUndefined();
    expect(asHex(documentsByNamespace(bytewise.events))).toEqual(asHex(documentsByNamespace(whole.events)));
    expect(bytewise.events.at(-1)).toEqual(whole.events.at(-1));
  });

  it('round-trips any interleaving of writes (property)', async () => {
    const names = ['d.a', 'd.b', 'd.c'];
    const step = fc.record({
      ns: fc.constantFrom(...names),
      docs: fc.array(fc.record({ k: fc.string(), v: fc.integer() }), { maxLength: 4 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { maxLength: 25 }),
        fc.integer({ min: 1, max: 300 }),
        async (steps, chunk) => {
          const writer = new ArchiveWriter({ highWaterMark: 256 });
          const output = drain(writer.stream);
          await writer.begin({
            header,
            namespaces: names.map((name) => {
              const [db, collection] = name.split('.') as [string, string];
              return { db, collection, type: 'collection' as const, metadata: metadataFor(collection) };
            }),
          });
          const expected = new Map<string, Buffer[]>();
          const touched = new Set<string>();
          for (const { ns, docs } of steps) {
            const raw = docs.map((d) => Buffer.from(BSON.serialize(d)));
            await writer.writeDocuments(ns, raw);
            touched.add(ns);
            if (raw.length > 0) expected.set(ns, [...(expected.get(ns) ?? []), ...raw]);
          }
          for (const ns of touched) await writer.endNamespace(ns);
          const written = await writer.finish();
          const read = await collect(chunked(await output, chunk), { validateBson: true });
          expect(read.error).toBeUndefined();
          expect(asHex(documentsByNamespace(read.events))).toEqual(asHex(expected));
          const end = read.events.at(-1);
          expect(end?.type === 'end' && end.stats).toEqual(written);
        },
      ),
      { numRuns: 60 },
    );
  });
});

async function collectEvents(events: AsyncIterable<ArchiveEvent>): Promise<ArchiveEvent[]> {
  const out: ArchiveEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}
