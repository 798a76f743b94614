import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { fixedSizeParts, type Part, PartBufferPool } from '../src/parts';

async function collect(chunks: Buffer[], partSize: number, reuse = false): Promise<Part[]> {
  const pool = new PartBufferPool(partSize);
  const parts: Part[] = [];
  for await (const part of fixedSizeParts(chunks, pool)) {
    parts.push({ data: Buffer.from(part.data), final: part.final });
    if (reuse) pool.give(part.data);
  }
  return parts;
}

describe('fixedSizeParts', () => {
  test('cuts any chunking into full parts and a final remainder', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ maxLength: 50 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        async (arrays, partSize, reuse) => {
          const chunks = arrays.map((array) => Buffer.from(array));
          const parts = await collect(chunks, partSize, reuse);
          expect(Buffer.concat(parts.map((part) => part.data))).toEqual(Buffer.concat(chunks));
          expect(parts.at(-1)?.final).toBe(true);
          for (const part of parts.slice(0, -1)) {
            expect(part.final).toBe(false);
            expect(part.data.length).toBe(partSize);
          }
          const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
          // A total that is an exact multiple ends with a full final part, never an empty one.
          expect(parts).toHaveLength(Math.max(1, Math.ceil(total / partSize)));
        },
      ),
    );
  });

  test('an empty source is one empty final part', async () => {
    expect(await collect([], 8)).toEqual([{ data: Buffer.alloc(0), final: true }]);
  });

  test('buffers given back are reused instead of allocating new ones', async () => {
    const pool = new PartBufferPool(4);
    const seen = new Set<ArrayBufferLike>();
    for await (const part of fixedSizeParts([Buffer.alloc(20, 1)], pool)) {
      seen.add(part.data.buffer);
      pool.give(part.data);
    }
    expect(seen.size).toBeLessThanOrEqual(2);
  });

  test('strings and typed arrays are accepted, other values refused', async () => {
    const pool = new PartBufferPool(4);
    const parts: Buffer[] = [];
    for await (const part of fixedSizeParts(['ab', new Uint8Array([99, 100, 101])], pool))
      parts.push(part.data);
    expect(Buffer.concat(parts).toString()).toBe('abcde');
    await expect(async () => {
      for await (const _ of fixedSizeParts([42], pool)) {
        // drain
      }
    }).rejects.toThrow(/not bytes/);
  });
});
