import { describe, expect, it } from '@jest/globals';
import { BSON, type Document } from 'mongodb';
import {
  EMBEDDING_DIMENSIONS,
  GENERATORS,
  type GeneratorContext,
  Random,
  SHOP_BSON_TYPES,
  SHOP_COLLECTIONS,
  type ShopBsonType,
  shopCounts,
  shopIndexes,
} from '../src';

function context(
  seed: number | string,
  scale: number,
  types: readonly ShopBsonType[] = SHOP_BSON_TYPES,
): GeneratorContext {
  return { seed, counts: shopCounts(scale), types: new Set(types) };
}

function serialized(ctx: GeneratorContext): Map<string, Buffer[]> {
  const out = new Map<string, Buffer[]>();
  for (const name of SHOP_COLLECTIONS)
    out.set(
      name,
      [...GENERATORS[name](ctx)].map((doc) => Buffer.from(BSON.serialize(doc))),
    );
  return out;
}

/** Every BSON element type byte used anywhere in a document, by walking the raw bytes. */
function elementTypes(bytes: Uint8Array, into = new Set<number>()): Set<number> {
  const walk = (buf: Uint8Array, start: number) => {
    let pos = start + 4;
    const end =
      start + (buf[start]! | (buf[start + 1]! << 8) | (buf[start + 2]! << 16) | (buf[start + 3]! << 24)) - 1;
    const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    while (pos < end) {
      const type = buf[pos]!;
      into.add(type);
      pos = buf.indexOf(0, pos + 1) + 1;
      const fixed: Record<number, number> = {
        1: 8,
        7: 12,
        8: 1,
        9: 8,
        10: 0,
        16: 4,
        17: 8,
        18: 8,
        19: 16,
        127: 0,
        255: 0,
      };
      if (type in fixed) pos += fixed[type]!;
      else if (type === 2 || type === 13) pos += 4 + view.getInt32(pos, true);
      else if (type === 3 || type === 4) {
        into.add(type);
        walk(buf, pos);
        pos += view.getInt32(pos, true);
      } else if (type === 5) {
        into.add(0x500 + buf[pos + 4]!);
        pos += 5 + view.getInt32(pos, true);
      } else if (type === 11) pos = buf.indexOf(0, buf.indexOf(0, pos) + 1) + 1;
      else throw new Error(`unexpected type ${type}`);
    }
  };
  walk(bytes, 0);
  return into;
}

describe('shop documents', () => {
  it('are the same bytes for the same seed, and different for another seed', () => {
    const first = serialized(context(42, 0.05));
    const again = serialized(context(42, 0.05));
    const other = serialized(context(43, 0.05));
    for (const name of SHOP_COLLECTIONS) {
      expect(Buffer.concat(again.get(name)!).equals(Buffer.concat(first.get(name)!))).toBe(true);
      expect(Buffer.concat(other.get(name)!).equals(Buffer.concat(first.get(name)!))).toBe(false);
    }
  });

  it('scale linearly, orders and events dominating', () => {
    expect(shopCounts(1)).toEqual({
      products: 100,
      customers: 1000,
      orders: 5000,
      reviews: 1000,
      events: 16000,
    });
    expect(shopCounts(0.1).orders).toBe(500);
    expect(shopCounts(100).events).toBe(1_600_000);
    expect(shopCounts(0.0001).products).toBe(1);
    expect(() => shopCounts(0)).toThrow(RangeError);
    const bytes = serialized(context(1, 0.2));
    const size = (name: string) => bytes.get(name)!.reduce((sum, doc) => sum + doc.length, 0);
    const total = SHOP_COLLECTIONS.reduce((sum, name) => sum + size(name), 0);
    expect((size('orders') + size('events')) / total).toBeGreaterThan(0.6);
    // About 10 MiB at scale 1.
    expect(total / 0.2).toBeGreaterThan(8 * 1024 * 1024);
    expect(total / 0.2).toBeLessThan(12 * 1024 * 1024);
  });

  it('carry every BSON type the server takes, and only those', () => {
    const typesOf = (types: readonly ShopBsonType[]) => {
      const found = new Set<number>();
      for (const docs of serialized(context(1, 0.02, types)).values())
        for (const doc of docs) elementTypes(doc, found);
      return found;
    };
    const all = typesOf(SHOP_BSON_TYPES);
    // double string object array binary(0) uuid(4) vector(9) objectId bool date null regex js int32 timestamp int64 decimal minKey maxKey
    for (const type of [1, 2, 3, 4, 0x500, 0x504, 0x509, 7, 8, 9, 10, 11, 13, 16, 17, 18, 19, 255, 127]) {
      expect([type, all.has(type)]).toEqual([type, true]);
    }
    // No deprecated types: undefined, DBPointer, symbol, code with scope.
    for (const type of [6, 12, 14, 15]) expect(all.has(type)).toBe(false);

    const ferretLike = typesOf(
      SHOP_BSON_TYPES.filter((t) => !['javascript', 'decimal128', 'minKey', 'maxKey'].includes(t)),
    );
    for (const type of [13, 19, 255, 127]) expect([type, ferretLike.has(type)]).toEqual([type, false]);
    expect(ferretLike.has(1)).toBe(true);
  });

  it('give products a 384-dimension embedding as doubles and as a float32 vector', () => {
    const [product] = [...GENERATORS.products(context(1, 0.01))];
    const decoded = BSON.deserialize(BSON.serialize(product!), { promoteValues: false });
    expect(decoded.embedding).toHaveLength(EMBEDDING_DIMENSIONS);
    expect(decoded.embedding[0]._bsontype).toBe('Double');
    expect(decoded.embeddingVector.sub_type).toBe(9);
    const floats = decoded.embeddingVector.toFloat32Array();
    expect(floats).toHaveLength(EMBEDDING_DIMENSIONS);
    expect(floats[5]).toBe(decoded.embedding[5].value);

    const [plain] = [
      ...GENERATORS.products(
        context(
          1,
          0.01,
          SHOP_BSON_TYPES.filter((t) => t !== 'vector'),
        ),
      ),
    ];
    expect((plain!.embeddingVector as { sub_type: number }).sub_type).toBe(0);
  });

  it('refer to products and customers that exist', () => {
    const ctx = context(5, 0.02);
    const productIds = new Set([...GENERATORS.products(ctx)].map((p) => String(p._id)));
    const customerIds = new Set([...GENERATORS.customers(ctx)].map((c) => String(c._id)));
    for (const order of GENERATORS.orders(ctx)) {
      expect(customerIds.has(String(order.customerId))).toBe(true);
      for (const item of order.items as Document[]) expect(productIds.has(String(item.productId))).toBe(true);
    }
  });

  it('describe their indexes for tests to assert', () => {
    expect(new Set(shopIndexes.map((index) => index.kind))).toEqual(
      new Set(['unique', 'compound', 'ttl', 'partial', 'text']),
    );
    for (const index of shopIndexes) expect(SHOP_COLLECTIONS).toContain(index.collection);
  });
});

describe('Random', () => {
  it('is deterministic per seed and label', () => {
    const a = new Random(1, 'x');
    const b = new Random(1, 'x');
    const c = new Random(1, 'y');
    const seqA = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  it('stays in range', () => {
    const random = new Random('range');
    for (let i = 0; i < 1000; i++) {
      const n = random.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
      expect(random.next()).toBeLessThan(1);
    }
  });
});
