import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from '@jest/globals';
import { ArchiveWriter } from '../src/writer';
import { bson, metadataFor } from './helpers';

describe('ArchiveWriter backpressure', () => {
  it('keeps its buffered bytes bounded while a slow consumer reads', async () => {
    const highWaterMark = 16 * 1024;
    const coalesce = 64 * 1024;
    const docSize = 2048;
    const writer = new ArchiveWriter({ highWaterMark });
    const names = ['p.a', 'p.b', 'p.c', 'p.d'];
    let maxBuffered = 0;
    const sample = () => {
      maxBuffered = Math.max(maxBuffered, writer.bufferedBytes);
    };

    let consumed = 0;
    const consumer = (async () => {
      for await (const chunk of writer.stream) {
        consumed += (chunk as Buffer).length;
        sample();
        await sleep(1);
      }
    })();

    await writer.begin({
      header: { concurrent_collections: 4, server_version: '8.0.0', tool_version: 'test' },
      namespaces: names.map((name) => {
        const [db, collection] = name.split('.') as [string, string];
        return { db, collection, type: 'collection' as const, metadata: metadataFor(collection) };
      }),
    });
    const doc = bson({ pad: 'x'.repeat(docSize - 20) });
    let produced = 0;
    await Promise.all(
      names.map(async (name) => {
        for (let batch = 0; batch < 40; batch++) {
          await writer.writeDocuments(
            name,
            Array.from({ length: 10 }, () => doc),
          );
          produced += 10 * doc.length;
          sample();
          // Whatever the producers have handed over but the consumer has not read is bounded.
          expect(produced - consumed).toBeLessThan(highWaterMark + coalesce + names.length * 10 * doc.length);
        }
        await writer.endNamespace(name);
      }),
    );
    await writer.finish();
    await consumer;

    expect(produced).toBe(4 * 40 * 10 * doc.length);
    expect(produced).toBeGreaterThan(20 * (highWaterMark + coalesce));
    // The stream never holds more than the high-water mark plus one coalesced chunk.
    expect(maxBuffered).toBeLessThanOrEqual(highWaterMark + coalesce);
    expect(maxBuffered).toBeGreaterThan(0);
  });

  it('does not resolve a write until the consumer makes room', async () => {
    const writer = new ArchiveWriter({ highWaterMark: 1024 });
    await writer.begin({
      header: { concurrent_collections: 1, server_version: '8.0.0', tool_version: 'test' },
      namespaces: [{ db: 'd', collection: 'c', type: 'collection', metadata: metadataFor('c') }],
    });
    const big = bson({ blob: Buffer.alloc(200_000) });
    let firstDone = false;
    const first = writer.writeDocuments('d.c', [big]).then(() => {
      firstDone = true;
    });
    const second = writer.writeDocuments('d.c', [big]);
    await sleep(20);
    // The first write fits (the stream takes one chunk beyond its mark); the second must wait.
    expect(firstDone).toBe(true);
    let secondDone = false;
    void second.then(() => {
      secondDone = true;
    });
    await sleep(20);
    expect(secondDone).toBe(false);
    expect(writer.bufferedBytes).toBeLessThan(1024 + big.length + 1024);
    writer.stream.resume();
    await first;
    await second;
    expect(secondDone).toBe(true);
    await writer.endNamespace('d.c');
    await writer.finish();
  });
});
