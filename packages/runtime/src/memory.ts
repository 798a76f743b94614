import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const DEFAULT_EVERY_BYTES = 32 * 1024 * 1024;

/**
 * Keeps a long streaming job's memory flat in the size of the data. Two things grow otherwise:
 * - V8's young generation: batches of documents survive a scavenge or two while in flight, and V8
 *   answers that by growing its semi-spaces (heapTotal 24 → 147 MiB over a 1 GiB backup, with 15–27 MiB
 *   live). The keeper holds them at their start size; measured, this costs no time.
 * - Buffers: every batch of raw documents and every stream chunk keeps its bytes outside V8's heap,
 *   and V8 frees them lazily. A full collection every `everyBytes` of data costs a few milliseconds
 *   on these small heaps.
 * Create it before the job allocates in earnest.
 */
export class MemoryKeeper {
  #sinceLast = 0;

  constructor(private readonly everyBytes = DEFAULT_EVERY_BYTES) {
    holdYoungGeneration();
  }

  /** Counts bytes processed; collects garbage each time another `everyBytes` went by. */
  add(bytes: number): void {
    this.#sinceLast += bytes;
    if (this.#sinceLast < this.everyBytes) return;
    this.#sinceLast = 0;
    fullCollection()?.();
  }
}

/**
 * Stops the semi-spaces from growing past their current size. Their maximum is fixed when the
 * process starts (`--max-semi-space-size`, which an action cannot pass); the growth factor is read
 * each time V8 grows them, so it can still be set from here.
 */
function holdYoungGeneration(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

let collect: (() => void) | null | undefined;

/** V8's `gc()`, or null where it cannot be had. */
function fullCollection(): (() => void) | null {
  if (collect === undefined) {
    try {
      // The flag exposes `gc` to contexts created after it is set: create one and take it from there.
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  return collect;
}
