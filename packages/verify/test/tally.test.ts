import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from '@jest/globals';
import { ArchiveWriter, readArchive } from '@shipkit/archive';
import { contentHashOf } from '@shipkit/mongo';
import { BSON } from 'mongodb';
import { ArchiveTally } from '../src/tally';

const docs = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) =>
    Buffer.from(BSON.serialize({ _id: i, tag, text: `${tag} ${'x'.repeat(i % 300)}` })),
  );

async function archiveOf(collections: Record<string, Buffer[]>): Promise<Buffer> {
  const writer = new ArchiveWriter();
  const bytes = buffer(writer.stream);
  const names = Object.keys(collections);
  await writer.begin({
    header: { concurrent_collections: 2, server_version: '7.0.0', tool_version: 'test' },
    namespaces: names.map((collection) => ({
      db: 'shop',
      collection,
      type: 'collection' as const,
      metadata: { options: {}, indexes: [], collectionName: collection, type: 'collection' as const },
    })),
  });
  for (let at = 0; names.some((n) => at < (collections[n]?.length ?? 0)); at += 500) {
    for (const name of names) {
      const slice = collections[name]?.slice(at, at + 500) ?? [];
      if (slice.length > 0) await writer.writeDocuments({ db: 'shop', collection: name }, slice);
    }
  }
  for (const name of names) await writer.endNamespace({ db: 'shop', collection: name });
  await writer.finish();
  return bytes;
}

describe('ArchiveTally', () => {
  const collections = { orders: docs(4000, 'order'), customers: docs(1500, 'customer'), empty: [] };

  it.each([
    ['inline', { poolAfterBytes: Number.POSITIVE_INFINITY }],
    ['on worker threads', { poolAfterBytes: 0, poolSize: 2 }],
    ['inline first, then on a worker', { poolAfterBytes: 100_000, poolSize: 1 }],
  ])('recounts documents, bytes, CRCs and content hashes %s', async (_label, options) => {
    const archive = await archiveOf(collections);
    const tally = new ArchiveTally(options);
    const chunks = [];
    for (let at = 0; at < archive.length; at += 7919) chunks.push(archive.subarray(at, at + 7919));
    for await (const event of readArchive(chunks)) await tally.observe(event);
    await tally.finish();

    expect(tally.complete).toBe(true);
    expect(tally.documents).toBe(5500);
    for (const [name, list] of Object.entries(collections)) {
      expect(tally.get(`shop.${name}`)).toEqual({
        name: `shop.${name}`,
        documents: list.length,
        bytes: list.reduce((sum, d) => sum + d.length, 0),
        crc: expect.stringMatching(/^[0-9a-f]{16}$/),
        contentHash: contentHashOf(list),
      });
    }
  });
});
