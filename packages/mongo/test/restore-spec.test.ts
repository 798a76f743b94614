import { describe, expect, it } from '@jest/globals';
import type { PreludeNamespace } from '@shipkit/archive';
import { BSON } from 'mongodb';
import {
  compareIndexSpecs,
  createCommand,
  indexesToBuild,
  normalizeIndexSpec,
} from '../src/restore/collection-spec';

const { EJSON, Int32, Double, Long } = BSON;

function entry(collection: string, type: PreludeNamespace['type'], metadata: string): PreludeNamespace {
  return {
    db: 'shop',
    collection,
    type,
    rawMetadata: metadata,
    metadata: EJSON.parse(metadata, { relaxed: false }) as Record<string, unknown>,
  };
}

const ordersMetadata = JSON.stringify({
  options: { capped: true, size: { $numberLong: '1048576' }, max: { $numberInt: '1000' } },
  indexes: [
    { v: { $numberInt: '2' }, key: { _id: { $numberInt: '1' } }, name: '_id_', ns: 'shop.orders' },
    { v: { $numberInt: '2' }, key: { sku: { $numberInt: '1' } }, name: 'sku_1', unique: true },
    { v: { $numberInt: '1' }, key: { at: { $numberDouble: '-1.0' } }, name: 'legacy_at' },
  ],
  uuid: '0123456789abcdef0123456789abcdef',
  collectionName: 'orders',
  type: 'collection',
});

describe('createCommand', () => {
  it('creates the collection with the archive options, BSON types kept', () => {
    const command = createCommand(
      { db: 'drill', collection: 'orders' },
      entry('orders', 'collection', ordersMetadata),
    );
    expect(command.create).toBe('orders');
    expect(command.capped).toBe(true);
    expect(command.size).toBeInstanceOf(Long);
    expect(command.max).toBeInstanceOf(Int32);
  });

  it('points a view at its renamed source collection', () => {
    const view = entry(
      'big_orders',
      'view',
      JSON.stringify({
        options: { viewOn: 'orders', pipeline: [{ $match: { total: { $gt: { $numberInt: '100' } } } }] },
        indexes: [],
        collectionName: 'big_orders',
        type: 'view',
      }),
    );
    const command = createCommand({ db: 'drill', collection: 'big_orders' }, view, (c) => `${c}_restored`);
    expect(command).toMatchObject({ create: 'big_orders', viewOn: 'orders_restored' });
  });
});

describe('indexesToBuild', () => {
  it('leaves out the _id index and ns, and v only when it is the default', () => {
    const specs = indexesToBuild(entry('orders', 'collection', ordersMetadata));
    expect(specs.map((s) => s.name)).toEqual(['sku_1', 'legacy_at']);
    expect(specs[0]).not.toHaveProperty('v');
    expect(specs[1]?.v).toEqual(new Int32(1));
    expect(specs.every((s) => !('ns' in s))).toBe(true);
  });

  it('leaves out a clustered index', () => {
    const clustered = entry(
      'events',
      'collection',
      JSON.stringify({
        options: { clusteredIndex: { key: { _id: 1 }, unique: true } },
        indexes: [{ v: 2, key: { _id: 1 }, name: '_id_', unique: true, clustered: true }],
        collectionName: 'events',
        type: 'collection',
      }),
    );
    expect(indexesToBuild(clustered)).toEqual([]);
  });
});

describe('normalizeIndexSpec and compareIndexSpecs', () => {
  it('ignores number types, field order and volatile fields, but not key order', () => {
    const fromServer = { v: 2, key: { a: 1, b: -1 }, name: 'a_b', unique: true, background: true };
    const fromManifest = {
      name: 'a_b',
      unique: true,
      key: { a: { $numberInt: '1' }, b: { $numberDouble: '-1.0' } },
      v: { $numberInt: '2' },
    };
    const fromArchive = { key: { a: new Double(1), b: new Int32(-1) }, name: 'a_b', unique: true };
    expect(normalizeIndexSpec(fromServer)).toBe(normalizeIndexSpec(fromManifest));
    expect(normalizeIndexSpec(fromArchive)).toBe(normalizeIndexSpec(fromManifest));
    expect(normalizeIndexSpec({ key: { b: -1, a: 1 }, name: 'a_b', unique: true })).not.toBe(
      normalizeIndexSpec(fromServer),
    );
  });

  it('names missing, unexpected and different indexes', () => {
    const expected = [
      { key: { _id: 1 }, name: '_id_' },
      { key: { sku: 1 }, name: 'sku_1', unique: true },
      { key: { at: -1 }, name: 'at_-1' },
    ];
    const actual = [
      { key: { _id: 1 }, name: '_id_' },
      { key: { sku: 1 }, name: 'sku_1' },
      { key: { x: 1 }, name: 'x_1' },
    ];
    expect(compareIndexSpecs(expected, actual)).toEqual([
      'index sku_1 differs: expected {"key":{"sku":1},"name":"sku_1","unique":true}, found {"key":{"sku":1},"name":"sku_1"}',
      'index at_-1 is missing',
      'index x_1 is unexpected',
    ]);
    expect(compareIndexSpecs(expected, expected)).toEqual([]);
  });
});
