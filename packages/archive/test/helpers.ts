// Paths and small helpers shared by the tests: the mongo-tools fixtures and raw archive framing.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/mongo-tools');

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

export const GOOD_ARCHIVES = [
  'mongorestore__test.bar.archive',
  'mongorestore__dump-w-oplog.archive',
  'mongorestore__timeseries_tests__dump.archive',
] as const;

/** Splits a buffer into chunks of `size` bytes, to feed a reader piece by piece. */
export function* chunked(buffer: Buffer, size: number): Generator<Buffer> {
  for (let at = 0; at < buffer.length; at += size) yield buffer.subarray(at, at + size);
}

/** Raw framing of an archive, for tests that need to build or take apart archives by hand. */
export interface RawBlock {
  offset: number;
  header: Buffer;
  body: Buffer[];
}

export function splitBlocks(archive: Buffer): RawBlock[] {
  const blocks: RawBlock[] = [];
  let at = 4;
  while (at < archive.length) {
    const offset = at;
    const headerLength = archive.readInt32LE(at);
    const header = archive.subarray(at, at + headerLength);
    at += headerLength;
    const body: Buffer[] = [];
    for (let length = archive.readInt32LE(at); length !== -1; length = archive.readInt32LE(at)) {
      body.push(archive.subarray(at, at + length));
      at += length;
    }
    at += 4;
    blocks.push({ offset, header, body });
  }
  return blocks;
}

/** Iterates a buffer's BSON documents by their length prefixes (stops at anything malformed). */
export function splitDocuments(bytes: Buffer): Buffer[] {
  const docs: Buffer[] = [];
  for (let at = 0; at + 4 <= bytes.length; ) {
    const length = bytes.readInt32LE(at);
    if (length < 5 || at + length > bytes.length) break;
    docs.push(bytes.subarray(at, at + length));
    at += length;
  }
  return docs;
}
