/** Cuts a stream of unknown length into parts of one fixed size, reusing part buffers. */

export interface Part {
  data: Buffer;
  /** True for the last part: the source ended. Only the last part may be shorter than the part size. */
  final: boolean;
}

// The first part starts small and grows, so small objects (manifests) never cost a whole part of memory.
const FIRST_PART_START = 256 * 1024;

/** Full-size part buffers handed back after their upload, so a long upload allocates only a few. */
export class PartBufferPool {
  private readonly free: Buffer[] = [];
  constructor(readonly partSize: number) {}

  take(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafeSlow(this.partSize);
  }

  give(buffer: Buffer): void {
    if (buffer.length === this.partSize && buffer.byteOffset === 0) this.free.push(buffer);
  }
}

function asBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk);
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError(`put: the body stream produced a ${typeof chunk}, not bytes`);
}

/**
 * Yields parts of exactly `pool.partSize` bytes, then a final, possibly shorter one (empty only when
 * the whole source is). A full part is yielded only once a further byte has arrived, so `final` is
 * always known; what is held back is the rest of one source chunk, never a copy.
 */
export async function* fixedSizeParts(
  source: AsyncIterable<unknown> | Iterable<unknown>,
  pool: PartBufferPool,
): AsyncGenerator<Part> {
  const { partSize } = pool;
  let buffer: Buffer = Buffer.allocUnsafeSlow(Math.min(partSize, FIRST_PART_START));
  let filled = 0;
  for await (const raw of source) {
    let chunk = asBuffer(raw);
    while (chunk.length > 0) {
      if (filled === partSize) {
        yield { data: buffer, final: false };
        buffer = pool.take();
        filled = 0;
      }
      const length = Math.min(partSize - filled, chunk.length);
      if (filled + length > buffer.length) {
        const grown = Buffer.allocUnsafeSlow(
          Math.min(partSize, Math.max(buffer.length * 2, filled + length)),
        );
        buffer.copy(grown, 0, 0, filled);
        buffer = grown;
      }
      chunk.copy(buffer, filled, 0, length);
      filled += length;
      chunk = chunk.subarray(length);
    }
  }
  yield { data: filled === buffer.length ? buffer : buffer.subarray(0, filled), final: true };
}
