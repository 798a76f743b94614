import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { BSON } from 'mongodb';
import { ContentHash, contentHashOf, sumContentHashes } from '../src/content-hash';

const docs = [{ _id: 1, name: 'lamp' }, { _id: 2, name: 'desk', price: 120.5 }, { _id: 3 }].map((d) =>
  BSON.serialize(d),
);

describe('ContentHash', () => {
  it('is the sum of the SHA-256 digests modulo 2^256', () => {
    const expected =
      docs.reduce((sum, d) => sum + BigInt(`0x${createHash('sha256').update(d).digest('hex')}`), 0n) %
      2n ** 256n;
    expect(contentHashOf(docs)).toBe(expected.toString(16).padStart(64, '0'));
  });

  it('does not depend on order, and merging partial hashes gives the same sum', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ minLength: 5, maxLength: 40 }), { maxLength: 30 }),
        fc.nat(),
        (items, cut) => {
          const whole = contentHashOf(items);
          expect(contentHashOf([...items].reverse())).toBe(whole);
          const split = cut % (items.length + 1);
          const left = new ContentHash();
          const right = new ContentHash();
          for (const item of items.slice(0, split)) left.add(item);
          for (const item of items.slice(split)) right.add(item);
          left.merge(right);
          expect(left.hex()).toBe(whole);
          expect(left.count).toBe(items.length);
        },
      ),
    );
  });

  it('changes when a document changes, goes missing or is duplicated', () => {
    const base = contentHashOf(docs);
    expect(contentHashOf(docs.slice(1))).not.toBe(base);
    expect(contentHashOf([...docs, docs[0]!])).not.toBe(base);
    const changed = Buffer.from(docs[0]!);
    changed.writeUInt8(changed.readUInt8(changed.length - 3) ^ 1, changed.length - 3);
    expect(contentHashOf([changed, ...docs.slice(1)])).not.toBe(base);
  });

  it('wraps around modulo 2^256', () => {
    expect(new ContentHash().hex()).toBe('0'.repeat(64));
    expect(contentHashOf(Array.from({ length: 5000 }, (_, i) => Buffer.from(String(i))))).toMatch(
      /^[0-9a-f]{64}$/,
    );
  });
});

describe('sumContentHashes', () => {
  it('adds the hashes of disjoint sets into the hash of their union', () => {
    const docs = [1, 2, 3, 4, 5].map((n) => Buffer.from(`document ${n}`));
    expect(sumContentHashes([contentHashOf(docs.slice(0, 2)), contentHashOf(docs.slice(2))])).toBe(
      contentHashOf(docs),
    );
    expect(sumContentHashes([])).toBe('0'.repeat(64));
  });
});
