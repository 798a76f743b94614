import {
  Binary,
  BSONRegExp,
  Code,
  type Db,
  Decimal128,
  Double,
  Int32,
  Long,
  MaxKey,
  MinKey,
  ObjectId,
  Timestamp,
  UUID,
} from 'mongodb';

/**
 * The BSON types the shop's documents carry. Symbol, undefined, DBPointer and code-with-scope are
 * left out on purpose: they are deprecated, drivers no longer produce them and servers may refuse
 * them. Binary appears as generic (subtype 0), UUID (subtype 4) and vector (subtype 9) data.
 */
export const SHOP_BSON_TYPES = [
  'double',
  'string',
  'object',
  'array',
  'binary',
  'uuid',
  'vector',
  'objectId',
  'bool',
  'date',
  'null',
  'regex',
  'javascript',
  'int32',
  'timestamp',
  'int64',
  'decimal128',
  'minKey',
  'maxKey',
] as const;

export type ShopBsonType = (typeof SHOP_BSON_TYPES)[number];

/** One value of each type, as the probe inserts it. */
export function sampleValue(type: ShopBsonType): unknown {
  switch (type) {
    case 'double':
      return new Double(1.5);
    case 'string':
      return 'text';
    case 'object':
      return { nested: true };
    case 'array':
      return [1, 'two'];
    case 'binary':
      return new Binary(Buffer.from([1, 2, 3]));
    case 'uuid':
      return new UUID('00112233-4455-6677-8899-aabbccddeeff');
    case 'vector':
      return Binary.fromFloat32Array(new Float32Array([0.25, -0.5]));
    case 'objectId':
      return new ObjectId('000000000000000000000001');
    case 'bool':
      return true;
    case 'date':
      return new Date(Date.UTC(2025, 0, 1));
    case 'null':
      return null;
    case 'regex':
      return new BSONRegExp('^ai-', 'i');
    case 'javascript':
      return new Code('function (doc) { return doc.rating >= 4; }');
    case 'int32':
      return new Int32(7);
    case 'timestamp':
      return new Timestamp({ t: 1735689600, i: 1 });
    case 'int64':
      return Long.fromString('9007199254740993');
    case 'decimal128':
      return Decimal128.fromString('19.99');
    case 'minKey':
      return new MinKey();
    case 'maxKey':
      return new MaxKey();
  }
}

export interface BsonTypeSupport {
  accepted: ShopBsonType[];
  /** Types the server refused, with its answer. */
  refused: { type: ShopBsonType; error: string }[];
}

const PROBE_COLLECTION = '_shop_seed_type_probe';

/**
 * Inserts one document per type into a scratch collection and keeps the types that go in and come
 * back. Runs before any parallel work: some servers (FerretDB 1.x) answer an unsupported type by
 * closing the connection, which would fail other operations in flight on it.
 */
export async function probeBsonTypes(db: Db): Promise<BsonTypeSupport> {
  const probe = db.collection(PROBE_COLLECTION);
  const support: BsonTypeSupport = { accepted: [], refused: [] };
  try {
    for (const type of SHOP_BSON_TYPES) {
      try {
        await probe.insertOne({ _id: type as never, value: sampleValue(type) });
        const back = await probe.findOne({ _id: type as never });
        if (!back) throw new Error('the document did not come back');
        support.accepted.push(type);
      } catch (error) {
        support.refused.push({ type, error: (error as Error).message });
      }
    }
  } finally {
    await probe.drop().catch(() => {});
  }
  return support;
}
