import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * Worker threads that compute partial content hashes (the sum of every document's SHA-256, modulo
 * 2^256; see `ContentHash` of @shipkit/mongo) over runs of raw BSON documents. One SHA-256 per
 * document is most of the work of an integrity check; the sums commute, so any worker may take any run.
 *
 * Runs travel through slots of one SharedArrayBuffer: the caller copies a run into a free slot and the
 * worker hashes it there, so no buffer is allocated, transferred and freed per run (measured: a fresh
 * 1 MiB buffer per run cost more CPU than the copy, in page faults and garbage collection).
 */

// The same sum as `addRunDigests` of @shipkit/mongo (digests as 'binary' strings, the cheap call).
// Plain CommonJS run with `eval`, so the bundled action needs no separate worker file.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { hash } = require('node:crypto');
const memory = new Uint8Array(workerData.memory);
parentPort.on('message', ({ id, start, length }) => {
  const run = memory.subarray(start, start + length);
  const limbs = new Uint32Array(8);
  let count = 0;
  for (let at = 0; at + 4 <= run.length; count++) {
    const size = run[at] | (run[at + 1] << 8) | (run[at + 2] << 16) | (run[at + 3] << 24);
    if (size < 5 || at + size > run.length) throw new RangeError('no document at byte ' + at + ' of a run');
    const digest = hash('sha256', run.subarray(at, at + size), 'binary');
    let carry = 0;
    for (let i = 0, d = 28; i < 8; i++, d -= 4) {
      const word = ((digest.charCodeAt(d) << 24) | (digest.charCodeAt(d + 1) << 16) |
        (digest.charCodeAt(d + 2) << 8) | digest.charCodeAt(d + 3)) >>> 0;
      const sum = limbs[i] + word + carry;
      limbs[i] = sum >>> 0;
      carry = sum > 0xffffffff ? 1 : 0;
    }
    at += size;
  }
  parentPort.postMessage({ id, limbs, count });
});
`;

/** Bytes of one slot: the most a run handed to a worker may hold. */
export const SLOT_BYTES = 1024 * 1024;
// Slots per worker: one being hashed, one waiting, one being filled.
const SLOTS_PER_WORKER = 3;

interface Task {
  slot: number;
  onSum: (limbs: Uint32Array, count: number) => void;
}

export class HashPool {
  readonly #workers: Worker[];
  readonly #memory: SharedArrayBuffer;
  readonly #freeSlots: number[];
  readonly #tasks = new Map<number, Task>();
  #drained: (() => void) | undefined;
  #next = 0;
  #failure: Error | undefined;

  constructor(size = defaultPoolSize()) {
    const workers = Math.max(1, size);
    const slots = workers * SLOTS_PER_WORKER;
    this.#memory = new SharedArrayBuffer(slots * SLOT_BYTES);
    this.#freeSlots = Array.from({ length: slots }, (_, i) => i);
    this.#workers = Array.from({ length: workers }, () => this.#spawn());
  }

  get size(): number {
    return this.#workers.length;
  }

  #spawn(): Worker {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { memory: this.#memory } });
    worker.on('message', ({ id, limbs, count }: { id: number; limbs: Uint32Array; count: number }) => {
      const task = this.#tasks.get(id);
      if (!task) return;
      this.#tasks.delete(id);
      this.#freeSlots.push(task.slot);
      task.onSum(limbs, count);
      if (this.#tasks.size === 0) this.#drained?.();
    });
    worker.on('error', (error) => this.#fail(error));
    return worker;
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    this.#tasks.clear();
    this.#drained?.();
  }

  /** Every slot is in use: a caller with spare time may rather hash inline. */
  get busy(): boolean {
    return this.#freeSlots.length === 0;
  }

  /**
   * Copies a run of consecutive documents (given as pieces, at most `SLOT_BYTES` in all) into a free
   * slot and has a worker hash it; `onSum` gets the partial sum as little-endian 32-bit limbs. Call
   * only when not `busy`.
   */
  hash(pieces: readonly Uint8Array[], onSum: (limbs: Uint32Array, count: number) => void): void {
    if (this.#failure) throw this.#failure;
    const slot = this.#freeSlots.pop();
    if (slot === undefined) throw new Error('HashPool.hash called while every slot is in use');
    const start = slot * SLOT_BYTES;
    const view = new Uint8Array(this.#memory, start, SLOT_BYTES);
    let length = 0;
    for (const piece of pieces) {
      view.set(piece, length);
      length += piece.length;
    }
    const id = this.#next++;
    this.#tasks.set(id, { slot, onSum });
    (this.#workers[id % this.#workers.length] as Worker).postMessage({ id, start, length });
  }

  /** Waits for every run handed out; throws the first worker failure. */
  async drain(): Promise<void> {
    if (this.#tasks.size > 0 && !this.#failure) {
      await new Promise<void>((resolve) => {
        this.#drained = resolve;
      });
      this.#drained = undefined;
    }
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
