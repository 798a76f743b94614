import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * Worker threads that compute partial content hashes (the sum of every document's SHA-256, modulo
 * 2^256; see `ContentHash` of @shipkit/mongo) over runs of raw BSON documents. One SHA-256 per
 * document is the only per-document work of an integrity check, and at a few microseconds each it
 * would otherwise bound the check to one core; the sums commute, so any worker may take any run.
 */

// Plain CommonJS run with `eval`, so the bundled action needs no separate worker file.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { hash } = require('node:crypto');
parentPort.on('message', ({ id, bytes }) => {
  const buffer = Buffer.from(bytes);
  const limbs = new Uint32Array(8);
  let count = 0;
  for (let at = 0; at + 4 <= buffer.length; ) {
    const length = buffer.readInt32LE(at);
    const digest = hash('sha256', buffer.subarray(at, at + length), 'buffer');
    let carry = 0;
    for (let i = 0; i < 8; i++) {
      const sum = limbs[i] + digest.readUInt32BE(28 - i * 4) + carry;
      limbs[i] = sum >>> 0;
      carry = sum > 0xffffffff ? 1 : 0;
    }
    count += 1;
    at += length;
  }
  parentPort.postMessage({ id, limbs, count });
});
`;

const MODULUS = 1n << 256n;

interface Pending {
  resolve: (sum: { value: bigint; count: number }) => void;
  reject: (error: Error) => void;
}

export class HashPool {
  readonly #workers: Worker[];
  readonly #pending = new Map<number, Pending>();
  readonly #inFlight = new Set<Promise<unknown>>();
  readonly #maxInFlight: number;
  #next = 0;
  #failure: Error | undefined;

  constructor(size = defaultPoolSize()) {
    this.#workers = Array.from({ length: Math.max(1, size) }, () => this.#spawn());
    this.#maxInFlight = this.#workers.length * 2;
  }

  get size(): number {
    return this.#workers.length;
  }

  #spawn(): Worker {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.on('message', ({ id, limbs, count }: { id: number; limbs: Uint32Array; count: number }) => {
      const pending = this.#pending.get(id);
      this.#pending.delete(id);
      let value = 0n;
      for (let i = 7; i >= 0; i--) value = (value << 32n) | BigInt(limbs[i] as number);
      pending?.resolve({ value, count });
    });
    worker.on('error', (error) => this.#fail(error));
    return worker;
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }

  /** Every worker has work queued: a caller with spare time may rather hash inline. */
  get busy(): boolean {
    return this.#inFlight.size >= this.#maxInFlight;
  }

  /**
   * Hashes a run of consecutive documents on a worker and hands the partial sum to `onSum`. The
   * run's buffer is transferred: it must be a standalone `ArrayBuffer` the caller no longer uses.
   */
  hash(run: Uint8Array, onSum: (value: bigint, count: number) => void): void {
    if (this.#failure) throw this.#failure;
    const id = this.#next++;
    const worker = this.#workers[id % this.#workers.length] as Worker;
    const task = new Promise<{ value: bigint; count: number }>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
    }).then(({ value, count }) => onSum(value, count));
    const tracked = task.finally(() => this.#inFlight.delete(tracked));
    tracked.catch(() => {});
    this.#inFlight.add(tracked);
    worker.postMessage({ id, bytes: run.buffer }, [run.buffer as ArrayBuffer]);
  }

  /** Waits for every queued run; throws the first worker failure. */
  async drain(): Promise<void> {
    await Promise.all(this.#inFlight);
    if (this.#failure) throw this.#failure;
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.#workers.map((worker) => worker.terminate()));
  }
}

/** Leaves a core for reading, decompressing and checking CRCs. */
export function defaultPoolSize(): number {
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

/** Adds partial sums modulo 2^256. */
export function addSums(a: bigint, b: bigint): bigint {
  return (a + b) % MODULUS;
}
