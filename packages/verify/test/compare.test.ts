import { describe, expect, it } from '@jest/globals';
import { type ArchiveEvent, documentRun, type PreludeNamespace } from '@shipkit/archive';
import type { Manifest } from '@shipkit/backup';
import { contentHashOf } from '@shipkit/mongo';
import { BSON } from 'mongodb';
import { compareNamespaces } from '../src/compare';
import type { RestoredNamespace } from '../src/read-back';
import { ArchiveTally } from '../src/tally';

const orders = [1, 2, 3].map((i) => Buffer.from(BSON.serialize({ _id: i })));
const idIndex = { v: 2, key: { _id: 1 }, name: '_id_' };
const skuIndex = { v: 2, key: { sku: 1 }, name: 'sku_1', unique: true };

function prelude(name: string, indexes: unknown[]): PreludeNamespace {
  return {
    db: 'shop',
    collection: name,
    type: 'collection',
    rawMetadata: '',
    metadata: { options: {}, indexes, collectionName: name, type: 'collection' },
  };
}

async function tallyOf(namespaces: PreludeNamespace[], docs: Record<string, Buffer[]>, crc = 0x1234n) {
  const tally = new ArchiveTally();
  const events: ArchiveEvent[] = [
    {
      type: 'prelude',
      header: { concurrent_collections: 1, version: '0.1', server_version: '7', tool_version: 't' },
      namespaces,
    },
    ...Object.entries(docs).flatMap(([collection, list]): ArchiveEvent[] => [
      documentRun({ db: 'shop', collection }, list),
      { type: 'eof', ns: { db: 'shop', collection }, crc, computedCrc: crc },
    ]),
    { type: 'end', stats: { namespaces: [], documents: 0, archiveBytes: 0 } },
  ];
  for (const event of events) await tally.observe(event);
  await tally.finish();
  return tally;
}

function manifestOf(entries: Partial<Manifest['namespaces'][number]>[]): Manifest {
  return {
    namespaces: entries.map((e) => ({
      db: 'shop',
      collection: 'orders',
      type: 'collection',
      count: 3,
      bytes: 0,
      crc: '0000000000001234',
      contentHash: contentHashOf(orders),
      options: {},
      indexes: [{ v: { $numberInt: '2' }, key: { _id: { $numberInt: '1' } }, name: '_id_' }],
      ...e,
    })),
  } as Manifest;
}

describe('compareNamespaces', () => {
  it('passes when archive and manifest agree', async () => {
    const tally = await tallyOf([prelude('orders', [idIndex])], { orders });
    const { rows, problems } = compareNamespaces({
      manifest: manifestOf([{}]),
      tally,
      restored: undefined,
      restoredNamespaces: undefined,
    });
    expect(problems).toEqual([]);
    expect(rows[0]?.checks).toEqual({
      count: 'passed',
      contentHash: 'passed',
      crc: 'passed',
      indexes: 'passed',
    });
  });

  it('names missing and unexpected namespaces, CRC and index differences', async () => {
    const tally = await tallyOf([prelude('orders', [idIndex, skuIndex]), prelude('extra', [idIndex])], {
      orders,
      extra: [],
    });
    const manifest = manifestOf([{ crc: 'ffffffffffffffff' }, { collection: 'gone', count: 0 }]);
    const { problems } = compareNamespaces({
      manifest,
      tally,
      restored: undefined,
      restoredNamespaces: undefined,
    });
    expect(problems).toEqual([
      'shop.orders: CRC-64 differs — manifest ffffffffffffffff, archive 0000000000001234',
      'shop.orders: archive index specs differ from the manifest — index sku_1 is unexpected',
      'shop.gone: in the manifest but not in the archive',
      'shop.extra: in the archive but not in the manifest',
    ]);
  });

  it('compares what was restored with the manifest', async () => {
    const tally = await tallyOf([prelude('orders', [idIndex])], { orders });
    const restored = new Map<string, RestoredNamespace>([
      [
        'shop.orders',
        {
          target: 'drill.orders',
          exists: true,
          documents: 2,
          contentHash: contentHashOf(orders.slice(0, 2)),
          indexes: [],
        },
      ],
    ]);
    const { rows, problems } = compareNamespaces({
      manifest: manifestOf([{}]),
      tally,
      restored,
      restoredNamespaces: new Set(['shop.orders']),
    });
    expect(rows[0]).toMatchObject({
      restoredAs: 'drill.orders',
      checks: { count: 'failed', contentHash: 'failed', indexes: 'failed' },
    });
    expect(problems).toEqual([
      'shop.orders: document count differs — expected 3, restored as drill.orders 2',
      expect.stringMatching(
        /^shop\.orders: content hash differs — expected [0-9a-f]{16}…, restored as drill\.orders [0-9a-f]{16}…$/,
      ),
      'shop.orders: index specs differ (restored as drill.orders) — index _id_ is missing',
    ]);
  });

  it('without a manifest, compares a restore with the archive itself and leaves the rest unchecked', async () => {
    const tally = await tallyOf([prelude('orders', [idIndex])], { orders });
    const integrity = compareNamespaces({
      manifest: undefined,
      tally,
      restored: undefined,
      restoredNamespaces: undefined,
    });
    expect(integrity.rows[0]?.checks).toEqual({
      count: 'not-checked',
      contentHash: 'not-checked',
      crc: 'passed',
      indexes: 'not-checked',
    });
    const restored = new Map<string, RestoredNamespace>([
      [
        'shop.orders',
        {
          target: 'x.orders',
          exists: true,
          documents: 3,
          contentHash: contentHashOf(orders),
          indexes: [{ key: { _id: 1 }, name: '_id_' }],
        },
      ],
    ]);
    const full = compareNamespaces({
      manifest: undefined,
      tally,
      restored,
      restoredNamespaces: new Set(['shop.orders']),
    });
    expect(full.problems).toEqual([]);
    expect(full.rows[0]?.checks).toEqual({
      count: 'passed',
      contentHash: 'passed',
      crc: 'passed',
      indexes: 'passed',
    });
  });
});
