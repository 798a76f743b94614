import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  Binary,
  BSONSymbol,
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
import { idBracket, quantiles, rangeFilters } from '../src/dump/ranges';

describe('idBracket', () => {
  it.each([
    ['a string', 'abc', 'string'],
    ['a symbol', new BSONSymbol('abc'), 'string'],
    ['an int32', new Int32(1), 'number'],
    ['a double', new Double(1.5), 'number'],
    ['an int64', Long.fromNumber(5), 'number'],
    ['a decimal128', Decimal128.fromString('1.5'), 'number'],
    ['a JS number', 3, 'number'],
    ['an ObjectId', new ObjectId(), 'objectId'],
    ['a date', new Date(0), 'date'],
    ['a UUID', new UUID(), 'binData'],
    ['a binary', new Binary(Buffer.from('ab')), 'binData'],
    ['an object', { a: 1 }, undefined],
    ['a boolean', true, undefined],
    ['null', null, undefined],
    ['a timestamp', new Timestamp({ t: 1, i: 1 }), undefined],
    ['MinKey', new MinKey(), undefined],
    ['MaxKey', new MaxKey(), undefined],
  ])('%s → %s', (_, value, expected) => {
    expect(idBracket(value)).toBe(expected);
  });
});

describe('rangeFilters', () => {
  it('reads everything when there are no split points', () => {
    expect(rangeFilters([])).toEqual([{}]);
  });

  it('makes the first and last ranges open-ended', () => {
    expect(rangeFilters([10, 20, 30])).toEqual([
      { _id: { $lt: 10 } },
      { _id: { $gte: 10, $lt: 20 } },
      { _id: { $gte: 20, $lt: 30 } },
      { _id: { $gte: 30 } },
    ]);
  });

  it('puts every value of the bracket in exactly one range', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { maxLength: 12 }),
        fc.array(fc.integer({ min: -2000, max: 2000 }), { maxLength: 50 }),
        (rawPoints, ids) => {
          const points = [...rawPoints].sort((a, b) => a - b);
          const filters = rangeFilters(points);
          for (const id of ids) {
            const matching = filters.filter((filter) => {
              const range = (filter._id ?? {}) as { $gte?: number; $lt?: number };
              return (
                (range.$gte === undefined || id >= range.$gte) && (range.$lt === undefined || id < range.$lt)
              );
            });
            expect(matching).toHaveLength(1);
          }
        },
      ),
    );
  });
});

describe('quantiles', () => {
  it('picks count - 1 evenly spaced values', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i);
    expect(quantiles(sorted, 4)).toEqual([25, 50, 75]);
  });

  it('drops repeated values, which would make empty ranges', () => {
    expect(quantiles([1, 1, 1, 1, 2, 2, 2, 2], 4)).toEqual([1, 2]);
  });

  it('gives nothing for nothing', () => {
    expect(quantiles([], 4)).toEqual([]);
  });

  it('compares BSON values, not JS identity', () => {
    const id = new ObjectId('65a000000000000000000001');
    const same = new ObjectId('65a000000000000000000001');
    expect(quantiles([id, same, same, same], 2)).toHaveLength(1);
  });
});
