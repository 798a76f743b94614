import { describe, expect, it } from '@jest/globals';
import { BSON } from 'bson';
import { Crc64, combineCrc64, crc64 } from '../src/crc64';
import { fixture, GOOD_ARCHIVES, splitBlocks } from './helpers';

/** Bit-at-a-time CRC-64/XZ straight from the definition, to check the table-driven one. */
function referenceCrc64(data: Uint8Array): bigint {
  let crc = 0xffffffffffffffffn;
  for (const byte of data) {
    crc ^= BigInt(byte);
    for (let bit = 0; bit < 8; bit++) crc = crc & 1n ? (crc >> 1n) ^ 0xc96c5795d7870f42n : crc >> 1n;
  }
  return crc ^ 0xffffffffffffffffn;
}

function pseudoRandomBytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = state & 0xff;
  }
  return out;
}

describe('crc64', () => {
  it('gives the CRC-64/XZ check value for "123456789"', () => {
    expect(crc64(Buffer.from('123456789'))).toBe(0x995dc9bbdf1939fan);
  });

  it('is 0 for no input', () => {
    expect(crc64(Buffer.alloc(0))).toBe(0n);
    expect(new Crc64().value()).toBe(0n);
  });

  it('matches the bitwise definition for every length and alignment up to 100 bytes', () => {
    const backing = pseudoRandomBytes(110, 7);
    for (let start = 0; start < 8; start++) {
      for (let length = 0; length <= 100; length++) {
        const slice = backing.subarray(start, start + length);
        expect(crc64(slice)).toBe(referenceCrc64(slice));
      }
    }
  });

  it('gives the same value however the input is split', () => {
    const data = pseudoRandomBytes(5000, 42);
    const whole = crc64(data);
    for (const piece of [1, 3, 7, 8, 13, 64, 1000, 4999]) {
      const crc = new Crc64();
      for (let at = 0; at < data.length; at += piece) crc.update(data.subarray(at, at + piece));
      expect(crc.value()).toBe(whole);
    }
  });

  it('reproduces every CRC stored in the fixture archives', () => {
    let checked = 0;
    for (const name of GOOD_ARCHIVES) {
      const crcs = new Map<string, Crc64>();
      for (const block of splitBlocks(fixture(name)).slice(1)) {
        const header = BSON.deserialize(block.header, { useBigInt64: true });
        const key = `${header.db}.${header.collection}`;
        const crc = crcs.get(key) ?? new Crc64();
        crcs.set(key, crc);
        for (const doc of block.body) crc.update(doc);
        if (header.EOF) {
          expect(crc.value()).toBe(BigInt.asUintN(64, header.CRC as bigint));
          checked++;
        }
      }
    }
    expect(checked).toBe(8);
  });
});

describe('combineCrc64', () => {
  it('gives the CRC of the concatenation from the CRCs of the pieces', () => {
    const a = Buffer.from('the first part of a namespace, ');
    const b = Buffer.alloc(70_001, 7);
    const c = Buffer.from('and a third piece');
    const whole = crc64(Buffer.concat([a, b, c]));
    const combined = combineCrc64(combineCrc64(crc64(a), crc64(b), b.length), crc64(c), c.length);
    expect(combined).toBe(whole);
    expect(combineCrc64(crc64(a), crc64(Buffer.alloc(0)), 0)).toBe(crc64(a));
    expect(combineCrc64(crc64(Buffer.alloc(0)), crc64(c), c.length)).toBe(crc64(c));
  });
});
