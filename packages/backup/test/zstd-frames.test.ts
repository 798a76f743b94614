import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { compressStream, decompressStream } from '../src/codec';
import { decompressZstd } from '../src/zstd-frames';

const run = promisify(execFile);

/** Compressible bytes: a few random words repeated. */
function sample(bytes: number, seed = 1): Buffer {
  const words = Array.from({ length: 64 }, (_, i) => randomBytes(4 + ((i * seed) % 12)));
  const parts: Buffer[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const word = words[(i * 7 + seed) % words.length] as Buffer;
    parts.push(word);
    length += word.length;
  }
  return Buffer.concat(parts).subarray(0, bytes);
}

function frame(data: Buffer, level = 3): Buffer {
  return zlib.zstdCompressSync(data, {
    params: { [zlib.constants.ZSTD_c_compressionLevel]: level, [zlib.constants.ZSTD_c_checksumFlag]: 1 },
  });
}

function skippable(payload: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32LE(0x184d2a5a, 0);
  header.writeUInt32LE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

/** The bytes cut into pieces of the given sizes (the last piece takes the rest). */
function pieces(bytes: Buffer, sizes: number[]): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= bytes.length) break;
    out.push(bytes.subarray(at, at + size));
    at += size;
  }
  if (at < bytes.length) out.push(bytes.subarray(at));
  return out;
}

async function decompressed(chunks: Buffer[], options = {}): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const chunk of decompressZstd(Readable.from(chunks), options)) out.push(chunk);
  return Buffer.concat(out);
}

async function failure(chunks: Buffer[], options = {}): Promise<Error> {
  try {
    await decompressed(chunks, options);
  } catch (error) {
    return error as Error;
  }
  throw new Error('decompressed without an error');
}

describe('compressStream (zstd): a series of frames', () => {
  it('ends a frame after every frameBytes of input, and the zstd tool reads them as one stream', async () => {
    const data = sample(5 * 1024 * 1024 + 12345);
    const chunks = pieces(
      data,
      Array.from({ length: 200 }, (_, i) => 10_000 + i * 331),
    );
    const packed = await buffer(
      Readable.from(chunks).pipe(compressStream('zstd', 3, { frameBytes: 1 << 20 })),
    );
    const file = join(await mkdtemp(join(tmpdir(), 'frames-')), 'packed.zst');
    await writeFile(file, packed);
    const { stdout: listed } = await run('zstd', ['-lv', file]);
    // A frame ends at the first chunk boundary after each MiB: five frames for these 5.01 MiB.
    expect(listed).toMatch(/# Zstandard Frames: 5\b/);
    const viaCli = await new Promise<Buffer>((resolve, reject) => {
      const child = execFile('zstd', ['-dc'], { encoding: 'buffer', maxBuffer: 64 << 20 }, (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      );
      child.stdin?.end(packed);
    });
    expect(viaCli.equals(data)).toBe(true);
    expect((await buffer(Readable.from([packed]).pipe(decompressStream('zstd')))).equals(data)).toBe(true);
  });
});

describe('decompressZstd', () => {
  it('reads every frame, however the input is cut, where Node’s own decompressor stops after the first', async () => {
    const parts = [sample(300_000, 1), sample(1, 2), sample(700_000, 3), Buffer.alloc(0), sample(50_000, 4)];
    const stream = Buffer.concat([
      frame(parts[0] as Buffer),
      skippable(randomBytes(40)),
      ...parts.slice(1).map((p) => frame(p)),
    ]);
    expect(zlib.zstdDecompressSync(stream).length).toBe(300_000);
    const whole = Buffer.concat(parts);
    for (const sizes of [[stream.length], [1, 2, 3, 5, 8, 13], Array(400).fill(997)]) {
      expect((await decompressed(pieces(stream, sizes))).equals(whole)).toBe(true);
    }
  });

  it('gives the same bytes for any frames, chunking, concurrency and bytes held ahead (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ size: fc.nat({ max: 60_000 }), level: fc.integer({ min: 1, max: 9 }) }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.array(fc.integer({ min: 1, max: 40_000 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 20, max: 70_000 }),
        fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }),
        async (frames, cuts, concurrency, wholeFrameBytes, aheadBytes) => {
          const datas = frames.map(({ size }, i) => sample(size, i + 1));
          const stream = Buffer.concat(datas.map((data, i) => frame(data, frames[i]?.level)));
          const out = await decompressed(pieces(stream, cuts), {
            concurrency,
            wholeFrameBytes,
            chunkSize: 8192,
            ...(aheadBytes === undefined ? {} : { aheadBytes }),
          });
          expect(out.equals(Buffer.concat(datas))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('streams a frame larger than wholeFrameBytes, and a frame whose output is far larger than itself', async () => {
    const data = randomBytes(3 << 20);
    expect(
      (await decompressed(pieces(frame(data), Array(100).fill(65_536)), { wholeFrameBytes: 1 << 20 })).equals(
        data,
      ),
    ).toBe(true);
    const zeros = Buffer.alloc(40 << 20);
    const small = frame(zeros);
    expect(small.length).toBeLessThan(1 << 20);
    expect((await decompressed([small], { wholeFrameBytes: 1 << 20 })).equals(zeros)).toBe(true);
  });

  it('says where the data stops being zstd, is cut off, or is corrupt', async () => {
    const good = frame(sample(200_000));
    expect((await failure([good, Buffer.from('appended!')])).message).toBe(
      `the bytes at ${good.length} are not a zstd frame: it starts with 61707065`,
    );
    expect((await failure([good.subarray(0, good.length - 10)])).message).toBe(
      `the zstd data ends inside a frame, at byte ${good.length - 10}`,
    );
    expect((await failure([good, good.subarray(0, 2)])).message).toBe(
      `the bytes at ${good.length} are not a zstd frame: it ends within a frame magic number`,
    );
    const flipped = Buffer.from(good);
    flipped.writeUInt8(flipped.readUInt8(flipped.length - 1) ^ 0xff, flipped.length - 1);
    expect((await failure([flipped])).message).toMatch(/checksum/);
  });

  it('hands out what a cut-off frame still holds before saying it is cut off, as a single stream does', async () => {
    // Random bytes: stored blocks of 128 KiB, each decodable once it has arrived.
    const data = randomBytes(1 << 20);
    const whole = frame(data);
    const cut = whole.subarray(0, Math.floor(whole.length / 2));
    const out: Buffer[] = [];
    const error = await (async () => {
      for await (const chunk of decompressZstd(Readable.from([cut]), { chunkSize: 64 * 1024 }))
        out.push(chunk);
    })().catch((e: unknown) => e as Error);
    expect(error?.message).toBe(`the zstd data ends inside a frame, at byte ${cut.length}`);
    const got = Buffer.concat(out);
    expect(got.length).toBeGreaterThan(0);
    expect(got.equals(data.subarray(0, got.length))).toBe(true);
  });
});
