// CRC-64/XZ: reflected ECMA-182 polynomial, initial value and final xor all ones.
// This runs over every byte of a backup, so the loop avoids BigInt: the 64-bit state is two
// int32 halves, input is read as aligned 32-bit words, and 8 bytes are folded per step
// (slicing-by-8, one table of low halves and one of high halves).

const POLY_LO = 0xd7870f42 | 0;
const POLY_HI = 0xc96c5795 | 0;
const SLICES = 8;

// Word reads assume the platform's byte order is little-endian (the CRC consumes bytes in order).
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

const [TABLE_LO, TABLE_HI] = buildTables();

function buildTables(): [Int32Array, Int32Array] {
  const tableLo = new Int32Array(SLICES * 256);
  const tableHi = new Int32Array(SLICES * 256);
  for (let i = 0; i < 256; i++) {
    let lo = i;
    let hi = 0;
    for (let bit = 0; bit < 8; bit++) {
      const carry = lo & 1;
      lo = (lo >>> 1) | ((hi & 1) << 31);
      hi = hi >>> 1;
      if (carry) {
        lo ^= POLY_LO;
        hi ^= POLY_HI;
      }
    }
    tableLo[i] = lo;
    tableHi[i] = hi;
  }
  // Table t pushes a byte through t more zero bytes: T[t][i] = T[t-1][i] >> 8 ^ T[0][T[t-1][i] & 0xff].
  for (let t = 1; t < SLICES; t++) {
    for (let i = 0; i < 256; i++) {
      const lo = tableLo[(t - 1) * 256 + i]!;
      const hi = tableHi[(t - 1) * 256 + i]!;
      const x = lo & 0xff;
      tableLo[t * 256 + i] = ((lo >>> 8) | (hi << 24)) ^ tableLo[x]!;
      tableHi[t * 256 + i] = (hi >>> 8) ^ tableHi[x]!;
    }
  }
  return [tableLo, tableHi];
}

// Documents are usually slices of one larger chunk, so the word view of the last backing buffer is
// kept instead of allocating a new one for every call (it holds on to that one buffer).
let cachedBuffer: ArrayBufferLike | undefined;
let cachedWords: Int32Array<ArrayBufferLike> = new Int32Array(0);

function wordsOf(buffer: ArrayBufferLike, wordsNeeded: number): Int32Array<ArrayBufferLike> {
  // A resizable buffer may have grown since the view was made.
  if (buffer !== cachedBuffer || cachedWords.length < wordsNeeded) {
    cachedWords = new Int32Array(buffer, 0, buffer.byteLength >>> 2);
    cachedBuffer = buffer;
  }
  return cachedWords;
}

/** Incremental CRC-64/XZ: call `update` as often as needed, then read `value()`. */
export class Crc64 {
  // Running state before the final inversion, as signed int32 halves.
  #lo = -1;
  #hi = -1;

  update(data: Uint8Array): this {
    const LO = TABLE_LO;
    const HI = TABLE_HI;
    const n = data.length;
    let lo = this.#lo;
    let hi = this.#hi;
    let i = 0;
    if (LITTLE_ENDIAN && n >= 16) {
      while ((data.byteOffset + i) & 3) {
        const x = (lo ^ data[i]!) & 0xff;
        lo = ((lo >>> 8) | (hi << 24)) ^ LO[x]!;
        hi = (hi >>> 8) ^ HI[x]!;
        i++;
      }
      const first = (data.byteOffset + i) >>> 2;
      const end = first + (((n - i) >>> 3) << 1);
      const words = wordsOf(data.buffer, end);
      for (let w = first; w < end; w += 2) {
        // The first byte of the 8 is furthest from the end, so it goes through table 7.
        const a = words[w]! ^ lo;
        const b = words[w + 1]! ^ hi;
        const i0 = 1792 + (a & 0xff);
        const i1 = 1536 + ((a >>> 8) & 0xff);
        const i2 = 1280 + ((a >>> 16) & 0xff);
        const i3 = 1024 + (a >>> 24);
        const i4 = 768 + (b & 0xff);
        const i5 = 512 + ((b >>> 8) & 0xff);
        const i6 = 256 + ((b >>> 16) & 0xff);
        const i7 = b >>> 24;
        lo = LO[i0]! ^ LO[i1]! ^ LO[i2]! ^ LO[i3]! ^ LO[i4]! ^ LO[i5]! ^ LO[i6]! ^ LO[i7]!;
        hi = HI[i0]! ^ HI[i1]! ^ HI[i2]! ^ HI[i3]! ^ HI[i4]! ^ HI[i5]! ^ HI[i6]! ^ HI[i7]!;
      }
      i += (end - first) * 4;
    }
    for (; i < n; i++) {
      const x = (lo ^ data[i]!) & 0xff;
      lo = ((lo >>> 8) | (hi << 24)) ^ LO[x]!;
      hi = (hi >>> 8) ^ HI[x]!;
    }
    this.#lo = lo;
    this.#hi = hi;
    return this;
  }

  /** The CRC of everything passed to `update` so far, as an unsigned 64-bit value. */
  value(): bigint {
    return (BigInt(~this.#hi >>> 0) << 32n) | BigInt(~this.#lo >>> 0);
  }
}

/** CRC-64/XZ of one buffer. */
export function crc64(data: Uint8Array): bigint {
  return new Crc64().update(data).value();
}

const POLY = 0xc96c5795d7870f42n;

/** `mat` (64 columns over GF(2)) times `vec`. */
function gf2Times(mat: readonly bigint[], vec: bigint): bigint {
  let sum = 0n;
  for (let i = 0; vec !== 0n; i++, vec >>= 1n) if (vec & 1n) sum ^= mat[i] as bigint;
  return sum;
}

function gf2Square(mat: readonly bigint[]): bigint[] {
  return mat.map((column) => gf2Times(mat, column));
}

/**
 * The CRC-64/XZ of `a ‖ b` from the CRCs of `a` and `b` and the length of `b` (zlib's crc32_combine,
 * widened): parts of one namespace written on different machines get the CRC of their concatenation
 * without anyone reading the bytes again.
 */
export function combineCrc64(crcA: bigint, crcB: bigint, lengthB: number): bigint {
  if (lengthB <= 0) return crcA;
  // The operator that feeds one zero bit through the register, then two, four… by squaring.
  let odd: bigint[] = [POLY];
  for (let n = 1; n < 64; n++) odd.push(1n << BigInt(n - 1));
  let even = gf2Square(odd);
  odd = gf2Square(even);
  let crc = crcA;
  let remaining = lengthB;
  for (;;) {
    even = gf2Square(odd);
    if (remaining % 2 === 1) crc = gf2Times(even, crc);
    remaining = Math.floor(remaining / 2);
    if (remaining === 0) break;
    odd = gf2Square(even);
    if (remaining % 2 === 1) crc = gf2Times(odd, crc);
    remaining = Math.floor(remaining / 2);
    if (remaining === 0) break;
  }
  return crc ^ crcB;
}
