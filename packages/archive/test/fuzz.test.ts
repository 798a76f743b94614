import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { findBsonProblem } from '../src/bson-check';
import { ArchiveFormatError } from '../src/errors';
import { readArchive } from '../src/reader';
import { chunked, fixture, GOOD_ARCHIVES, MAGIC, splitDocuments } from './helpers';

// Upper bound on events for inputs of a few KB, so a parser that stopped making progress would
// fail the property instead of spinning.
const MAX_EVENTS = 100_000;

/** Reads an archive to the end; returns 'ok' or rethrows anything that is not an ArchiveFormatError. */
async function readOrReject(chunks: Iterable<Buffer>, validateBson: boolean): Promise<'ok' | 'rejected'> {
  let events = 0;
  try {
    for await (const _ of readArchive(chunks, { validateBson })) {
      if (++events > MAX_EVENTS) throw new Error('the reader produced too many events');
    }
    return 'ok';
  } catch (error) {
    if (error instanceof ArchiveFormatError) return 'rejected';
    throw error;
  }
}

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'int32'; at: number; value: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 16 }) }),
  // Overwrite four bytes with an interesting int32: lengths, terminators, huge values.
  fc.record({
    kind: fc.constant('int32' as const),
    at: fc.nat(),
    value: fc.oneof(
      fc.constantFrom(-1, 0, 4, 5, 0x7fffffff, -0x80000000, 16 * 1024 * 1024 + 16 * 1024),
      fc.integer(),
    ),
  }),
);

function mutate(input: Buffer, mutations: Mutation[]): Buffer {
  let out = Buffer.from(input);
  for (const m of mutations) {
    if (out.length === 0) break;
    const at = m.at % out.length;
    switch (m.kind) {
      case 'flip':
        out[at]! ^= 1 << m.bit;
        break;
      case 'truncate':
        out = out.subarray(0, at);
        break;
      case 'insert':
        out = Buffer.concat([out.subarray(0, at), m.bytes, out.subarray(at)]);
        break;
      case 'delete':
        out = Buffer.concat([out.subarray(0, at), out.subarray(at + m.count)]);
        break;
      case 'int32':
        if (at + 4 <= out.length) out.writeInt32LE(m.value, at);
        break;
    }
  }
  return out;
}

const archives = GOOD_ARCHIVES.map((name) => fixture(name));
// The small archives first: the 40 KB time-series one is read less often to keep the file fast.
const archiveIndex = fc.oneof(
  { arbitrary: fc.constantFrom(0, 1), weight: 4 },
  { arbitrary: fc.constant(2), weight: 1 },
);

describe('the reader on hostile input only ever throws ArchiveFormatError, and always finishes', () => {
  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2048 }),
        fc.integer({ min: 1, max: 512 }),
        fc.boolean(),
        async (bytes, chunk, validate) => {
          expect(await readOrReject(chunked(Buffer.from(bytes), chunk), validate)).toBe('rejected');
        },
      ),
      { numRuns: 800 },
    );
  });

  it('random bytes after a valid magic number', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2048 }),
        fc.integer({ min: 1, max: 512 }),
        fc.boolean(),
        async (bytes, chunk, validate) => {
          const input = Buffer.concat([MAGIC, bytes]);
          expect(await readOrReject(chunked(input, chunk), validate)).toBe('rejected');
        },
      ),
      { numRuns: 800 },
    );
  });

  it('real archives with bit flips, truncations, insertions, deletions and odd int32s', async () => {
    await fc.assert(
      fc.asyncProperty(
        archiveIndex,
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 4096 }),
        fc.boolean(),
        async (index, mutations, chunk, validate) => {
          const input = mutate(archives[index]!, mutations);
          await readOrReject(chunked(input, chunk), validate);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('real archives cut at every offset are rejected', async () => {
    const archive = archives[0]!;
    for (let at = 0; at < archive.length; at++) {
      expect(await readOrReject([archive.subarray(0, at)], false)).toBe('rejected');
    }
  });
});

describe('findBsonProblem on hostile documents never throws', () => {
  const documents = [
    ...splitDocuments(fixture('bsondump__all_types.bson')),
    ...splitDocuments(fixture('bsondump__all_in_one_doc.bson')),
    ...splitDocuments(fixture('bsondump__deep_nested.bson')),
  ];

  it('mutated valid documents', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: documents.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (index, mutations) => {
          const doc = mutate(
            documents[index]!,
            mutations.filter((m) => m.kind !== 'truncate'),
          );
          // Keep the outer framing right so the walk goes inside.
          if (doc.length >= 5) {
            doc.writeInt32LE(doc.length, 0);
            doc[doc.length - 1] = 0;
          }
          const problem = findBsonProblem(doc);
          expect(problem === null || typeof problem.message === 'string').toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('random bytes with a matching length prefix', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 5, maxLength: 512 }), (bytes) => {
        const doc = Buffer.from(bytes);
        doc.writeInt32LE(doc.length, 0);
        doc[doc.length - 1] = 0;
        const problem = findBsonProblem(doc);
        expect(problem === null || problem.offset < doc.length).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
