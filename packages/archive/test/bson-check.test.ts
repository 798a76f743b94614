import { describe, expect, it } from '@jest/globals';
import {
  Binary,
  BSON,
  BSONRegExp,
  BSONSymbol,
  Code,
  DBRef,
  Decimal128,
  Double,
  Int32,
  Long,
  MaxKey,
  MinKey,
  ObjectId,
  Timestamp,
} from 'bson';
import { findBsonProblem, readHeaderFields } from '../src/bson-check';
import { crc64 } from '../src/crc64';
import { ArchiveFormatError } from '../src/errors';
import { verifyArchive } from '../src/reader';
import {
  assemble,
  blockHeader,
  bson,
  collect,
  fixture,
  preludeEntry,
  preludeHeader,
  singleCollectionArchive,
  splitDocuments,
} from './helpers';

const VALID_BSON_FIXTURES = [
  'bsondump__all_types.bson',
  'bsondump__all_in_one_doc.bson',
  'bsondump__deep_nested.bson',
];
const CORRUPT_BSON_FIXTURES = [
  'bsondump__partial_file.bson',
  'bsondump__random_bytes.bson',
  'bsondump__bad_type.bson',
  'bsondump__broken_array.bson',
  'bsondump__invalid_field_name.bson',
];

function everyType(): Buffer {
  return bson({
    double: new Double(1.5),
    string: 'text',
    doc: { nested: { deeper: [1, 2, { x: null }] } },
    array: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'],
    binary: new Binary(Buffer.from('bytes'), 4),
    oldBinary: new Binary(Buffer.from('old'), 2),
    undefinedValue: undefined,
    objectId: new ObjectId('507f1f77bcf86cd799439011'),
    bool: true,
    date: new Date(0),
    nullValue: null,
    regex: new BSONRegExp('a+b', 'i'),
    dbref: new DBRef('coll', new ObjectId()),
    code: new Code('function () {}'),
    symbol: new BSONSymbol('sym'),
    codeWithScope: new Code('function () { return x; }', { x: 1 }),
    int32: new Int32(7),
    timestamp: new Timestamp({ t: 1, i: 2 }),
    int64: Long.fromNumber(2 ** 40),
    decimal: Decimal128.fromString('1.23'),
    min: new MinKey(),
    max: new MaxKey(),
  });
}

/** A document nested `depth` levels deep, {a: {a: {... {}}}}, built in one buffer. */
function nested(depth: number): Buffer {
  const out = Buffer.alloc(5 + 8 * depth);
  for (let level = 0; level <= depth; level++) {
    // Each level adds a length, a type byte, the name "a\0" and a closing 0x00 around the next.
    const start = 7 * level;
    const size = 5 + 8 * (depth - level);
    out.writeInt32LE(size, start);
    if (level < depth) out.write('\u0003a\u0000', start + 4, 'latin1');
  }
  return out;
}

describe('findBsonProblem', () => {
  it('accepts every BSON type', () => {
    expect(findBsonProblem(everyType())).toBeNull();
  });

  it.each(VALID_BSON_FIXTURES)('accepts every document of %s', (name) => {
    const docs = splitDocuments(fixture(name));
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs) expect(findBsonProblem(doc)).toBeNull();
  });

  it('follows 200,000 levels of nesting without overflowing the call stack', () => {
    expect(findBsonProblem(nested(200_000))).toBeNull();
  });

  it('finds the unknown type 0xaa in bsondump__bad_type.bson', () => {
    const [first] = splitDocuments(fixture('bsondump__bad_type.bson'));
    expect(findBsonProblem(first!)).toEqual({ message: 'unknown element type 0xaa', offset: 21 });
  });

  it('finds the out-of-order array key in bsondump__broken_array.bson', () => {
    const problems = splitDocuments(fixture('bsondump__broken_array.bson')).map(findBsonProblem);
    expect(problems.filter(Boolean)).toEqual([{ message: 'array key is not "2"', offset: 68 }]);
  });

  it.each([
    [
      'a length field that disagrees with the size',
      (d: Buffer) => d.writeInt32LE(d.length + 1, 0),
      /length field says/,
    ],
    ['a missing final 0x00', (d: Buffer) => (d[d.length - 1] = 1), /does not end with 0x00/],
    ['an early 0x00', (d: Buffer) => (d[4] = 0), /0x00 where an element was expected/],
    [
      'an unterminated string',
      (d: Buffer) => d.writeInt32LE(1000, stringLengthAt(d)),
      /string length 1000 does not fit/,
    ],
    [
      'a zero string length',
      (d: Buffer) => d.writeInt32LE(0, stringLengthAt(d)),
      /string length 0 does not fit/,
    ],
    [
      'a string without its 0x00',
      (d: Buffer) => (d[stringLengthAt(d) + 4 + 4] = 0x41),
      /string is not terminated/,
    ],
    ['a boolean of 2', (d: Buffer) => (d[d.indexOf('bool\0') + 5] = 2), /boolean byte is 0x02/],
  ])('reports %s', (_, corrupt, message) => {
    const doc = everyType();
    corrupt(doc);
    expect(findBsonProblem(doc)?.message).toMatch(message);
  });

  it('rejects every truncation of a valid document except those at a top-level element boundary', () => {
    const doc = everyType();
    const fields = Object.entries(BSON.deserialize(doc, { promoteValues: false }));
    // Cutting just after element k-1 and closing the document gives the valid first k elements.
    const boundaries = new Set(
      fields.map(
        (_, count) => Buffer.from(BSON.serialize(Object.fromEntries(fields.slice(0, count)))).length,
      ),
    );
    for (let size = 5; size < doc.length; size++) {
      const cut = Buffer.from(doc.subarray(0, size));
      cut.writeInt32LE(size, 0);
      cut[size - 1] = 0;
      expect(findBsonProblem(cut) === null).toBe(boundaries.has(size));
    }
  });

  it('reads header fields with their exact types', () => {
    const header = bson({ db: 'd', collection: 'c', EOF: true, CRC: Long.fromBigInt(-1n), n: new Int32(3) });
    expect(readHeaderFields(header)).toEqual([
      { name: 'db', type: 0x02, value: 'd' },
      { name: 'collection', type: 0x02, value: 'c' },
      { name: 'EOF', type: 0x08, value: true },
      { name: 'CRC', type: 0x12, value: -1n },
      { name: 'n', type: 0x10, value: 3 },
    ]);
  });

  it('skips over header fields of other types', () => {
    const header = BSON.serialize({ a: everyType(), b: 'after' }, {});
    const fields = readHeaderFields(Buffer.from(header));
    expect(Array.isArray(fields) && fields.map((f) => f.name)).toEqual(['a', 'b']);
  });
});

/** Offset of the int32 length of the `string` field of `everyType()`. */
function stringLengthAt(doc: Buffer): number {
  return doc.indexOf('string\0') + 7;
}

describe('corrupt bsondump files inside an otherwise valid archive', () => {
  it.each(CORRUPT_BSON_FIXTURES)(
    '%s as the raw body of a segment is rejected with validateBson',
    async (name) => {
      const raw = fixture(name);
      const archive = singleCollectionArchive([raw]);
      const { error } = await collect([archive], { validateBson: true });
      expect(error).toBeInstanceOf(ArchiveFormatError);
      expect((error as ArchiveFormatError).message).toMatch(/db\.coll|byte offset/);
    },
  );

  it.each([
    [
      'bsondump__bad_type.bson',
      /^document #0 of db\.coll at byte offset \d+ is not valid BSON: unknown element type 0xaa/,
    ],
    [
      'bsondump__broken_array.bson',
      /^document #11 of db\.coll at byte offset \d+ is not valid BSON: array key is not "2"/,
    ],
  ])(
    '%s, framed document by document with a correct CRC, fails only with validateBson',
    async (name, message) => {
      const archive = singleCollectionArchive(splitDocuments(fixture(name)));
      const plain = await verifyArchive([archive]);
      expect(plain.documents).toBe(splitDocuments(fixture(name)).length);
      const { error } = await collect([archive], { validateBson: true });
      expect(error).toBeInstanceOf(ArchiveFormatError);
      expect((error as Error).message).toMatch(message);
    },
  );

  it('bsondump__invalid_field_name.bson: a dotted name is legal BSON; the stray trailing byte is not', async () => {
    const raw = fixture('bsondump__invalid_field_name.bson');
    const docs = splitDocuments(raw);
    expect(raw.length - docs.reduce((sum, d) => sum + d.length, 0)).toBe(1);
    expect(await verifyArchive([singleCollectionArchive(docs)], { validateBson: true })).toMatchObject({
      documents: 4,
    });
    const { error } = await collect([singleCollectionArchive([raw])], { validateBson: true });
    expect((error as Error).message).toMatch(/^document #4 of db\.coll at byte offset \d+ has length -\d+/);
  });

  it('rejects corrupt documents in the prelude and in headers even without validateBson', async () => {
    const [badType] = splitDocuments(fixture('bsondump__bad_type.bson'));
    const archive = assemble([
      { header: preludeHeader(), body: [preludeEntry('db', 'coll')] },
      { header: badType! },
    ]);
    const { error } = await collect([archive]);
    expect((error as Error).message).toMatch(
      /^the block header at byte offset \d+ is not valid BSON: unknown element type 0xaa/,
    );
    const good = blockHeader('db', 'coll', true, crc64(Buffer.alloc(0)));
    expect(findBsonProblem(good)).toBeNull();
  });
});
