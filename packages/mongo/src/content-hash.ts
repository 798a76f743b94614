import { hash } from 'node:crypto';

/**
 * The order-independent content hash of a namespace: the sum, modulo 2^256, of the SHA-256 of every
 * document's raw BSON bytes, as 64 hex digits.
 *
 * Addition commutes, so the documents may be hashed in any order — parallel `_id` ranges while dumping,
 * an unsorted read of a restored collection — and the sums agree; a changed, missing or extra document
 * changes the sum, and a duplicated document counts twice. `merge` adds two partial hashes, so each
 * worker hashes its own range and the results are combined at the end. Recompute it from a database
 * with `find()` in any order over raw documents and the same sum.
 */
export class ContentHash {
  // Little-endian 32-bit limbs of the 256-bit sum; plain numbers keep the per-document cost low.
  private readonly limbs = new Uint32Array(8);
  private documents = 0;

  add(document: Uint8Array): void {
    addDigest(this.limbs, document);
    this.documents += 1;
  }

  /** Adds every document of a run of consecutive raw BSON documents; returns how many there were. */
  addRun(run: Uint8Array): number {
    const count = addRunDigests(this.limbs, run);
    this.documents += count;
    return count;
  }

  /** Adds another partial hash (e.g. one range of a collection). */
  merge(other: ContentHash): void {
    this.addSum(other.limbs, other.documents);
  }

  /** Adds a partial sum of `count` documents, given as little-endian 32-bit limbs. */
  addSum(limbs: Uint32Array, count: number): void {
    addLimbs(this.limbs, limbs);
    this.documents += count;
  }

  get count(): number {
    return this.documents;
  }

  hex(): string {
    return limbsHex(this.limbs);
  }
}

/** The content hash of a set of documents in one call. */
export function contentHashOf(documents: Iterable<Uint8Array>): string {
  const hash = new ContentHash();
  for (const document of documents) hash.add(document);
  return hash.hex();
}

/** The content hash of the union of disjoint sets of documents, from their hashes (hex). */
export function sumContentHashes(hashes: Iterable<string>): string {
  let sum = 0n;
  for (const hex of hashes) sum = (sum + BigInt(`0x${hex}`)) % 2n ** 256n;
  return sum.toString(16).padStart(64, '0');
}

/**
 * Adds the SHA-256 of `document`, a big-endian 256-bit number, to `limbs` (little-endian 32-bit limbs).
 * The digest comes back as a 'binary' (latin1) string, one character per byte: that call costs about a
 * third of one that returns a Buffer (measured: 0.5 against 1.4 µs for a 390-byte document), and the
 * call, not the hashing, is most of the cost of a small document where the CPU has SHA instructions.
 */
export function addDigest(limbs: Uint32Array, document: Uint8Array): void {
  const digest = hash('sha256', document, 'binary');
  let carry = 0;
  for (let i = 0, at = 28; i < 8; i++, at -= 4) {
    const word =
      ((digest.charCodeAt(at) << 24) |
        (digest.charCodeAt(at + 1) << 16) |
        (digest.charCodeAt(at + 2) << 8) |
        digest.charCodeAt(at + 3)) >>>
      0;
    const sum = (limbs[i] as number) + word + carry;
    limbs[i] = sum >>> 0;
    carry = sum > 0xffffffff ? 1 : 0;
  }
}

/** `addDigest` for each document of a run of consecutive raw BSON documents; returns the count. */
export function addRunDigests(limbs: Uint32Array, run: Uint8Array): number {
  let count = 0;
  for (let at = 0; at + 4 <= run.length; count++) {
    const length = run[at]! | (run[at + 1]! << 8) | (run[at + 2]! << 16) | (run[at + 3]! << 24);
    if (length < 5 || at + length > run.length) throw new RangeError(`no document at byte ${at} of the run`);
    addDigest(limbs, run.subarray(at, at + length));
    at += length;
  }
  return count;
}

/** `limbs += other`, modulo 2^256. */
export function addLimbs(limbs: Uint32Array, other: Uint32Array): void {
  let carry = 0;
  for (let i = 0; i < 8; i++) {
    const sum = (limbs[i] as number) + (other[i] as number) + carry;
    limbs[i] = sum >>> 0;
    carry = sum > 0xffffffff ? 1 : 0;
  }
}

/** The 64 hex digits of a sum held as little-endian 32-bit limbs. */
export function limbsHex(limbs: Uint32Array): string {
  let out = '';
  for (let i = 7; i >= 0; i--) out += (limbs[i] as number).toString(16).padStart(8, '0');
  return out;
}
