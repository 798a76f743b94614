import { Duplex, PassThrough, Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import zlib from 'node:zlib';
import { OptionError, ref, say, UserError } from '@shipkit/runtime';
import type { Compression } from './layout';
import { decompressZstd, FRAME_BYTES } from './zstd-frames';

/**
 * The byte transformations between the archive and the stored object:
 *   archive → compress (zstd | gzip | none) → age encryption (optional) → storage
 * and back. zstd is Node 24's zlib binding, written as a series of frames (see zstd-frames.ts); gzip
 * is what `mongorestore --gzip` reads; age output is what `age -d` decrypts, with a MAC per 64 KiB
 * chunk so truncation and tampering are detected.
 */

// Loaded only when a backup is encrypted or decrypted: most runs never need it.
const loadAge = () => import('age-encryption');

export const COMPRESSIONS = ['zstd', 'gzip', 'none'] as const;

/** A backup's compression unless asked otherwise. */
export const DEFAULT_COMPRESSION = 'zstd' satisfies Compression;

export const DEFAULT_LEVEL: Record<Compression, number | undefined> = { zstd: 3, gzip: 6, none: undefined };

export function compressStream(
  compression: Compression,
  level?: number,
  options: { frameBytes?: number } = {},
): Duplex {
  switch (compression) {
    case 'zstd':
      return new FramedZstdCompress(level ?? (DEFAULT_LEVEL.zstd as number), options.frameBytes);
    case 'gzip':
      return zlib.createGzip({ level: level ?? (DEFAULT_LEVEL.gzip as number) });
    case 'none':
      return new PassThrough();
  }
}

export function decompressStream(compression: Compression): Duplex {
  switch (compression) {
    case 'zstd':
      return zstdDecompressStream();
    case 'gzip':
      return zlib.createGunzip();
    case 'none':
      return new PassThrough();
  }
}

/**
 * zstd compression that ends the frame after every `frameBytes` of input, so that a reader can
 * decompress the frames on several threads; a decoder reads them as one stream. One compressor
 * throughout: a frame end only resets its history, so memory stays that of one stream.
 */
class FramedZstdCompress extends Duplex {
  readonly #inner: zlib.ZstdCompress;
  readonly #frameBytes: number;
  #sinceFrame = 0;

  constructor(level: number, frameBytes = FRAME_BYTES) {
    super();
    this.#frameBytes = frameBytes;
    this.#inner = zlib.createZstdCompress({
      params: {
        [zlib.constants.ZSTD_c_compressionLevel]: level,
        [zlib.constants.ZSTD_c_checksumFlag]: 1,
      },
    });
    this.#inner.on('data', (chunk: Buffer) => {
      if (!this.push(chunk)) this.#inner.pause();
    });
    this.#inner.on('end', () => this.push(null));
    this.#inner.on('error', (error) => this.destroy(error));
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.#inner.write(chunk, (error) => callback(error));
    this.#sinceFrame += chunk.length;
    if (this.#sinceFrame >= this.#frameBytes) {
      this.#sinceFrame = 0;
      this.#inner.flush(zlib.constants.ZSTD_e_end);
    }
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.#inner.end(() => callback());
  }

  override _read(): void {
    this.#inner.resume();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#inner.destroy();
    callback(error);
  }
}

/** A Duplex over `decompressZstd`: every frame of the input, whatever its chunks. */
function zstdDecompressStream(): Duplex {
  const input = new PassThrough();
  const output = Readable.from(decompressZstd(input));
  return Duplex.from({ writable: input, readable: output });
}

export function checkCompressionLevel(compression: Compression, level: number | undefined): void {
  if (level === undefined) return;
  const range = { zstd: [1, 22], gzip: [1, 9], none: [0, 0] }[compression];
  if (compression === 'none' || level < (range[0] as number) || level > (range[1] as number)) {
    throw new OptionError(
      'compression-level',
      compression === 'none'
        ? say`cannot be used with ${ref('compression')} 'none'.`
        : `for ${compression} must be from ${range[0]} to ${range[1]}, got ${level}.`,
    );
  }
}

/** The option that gives the age identity decrypting a backup. */
export const IDENTITY_OPTION = 'decrypt-identity';

const RECIPIENT = /^age1[023456789acdefghjklmnpqrstuvwxyz]{58}$/;

/** X25519 recipients (`age1…`, 62 characters); each bad one is named in the error. */
export function checkRecipients(recipients: string[]): void {
  const bad = recipients.filter((r) => !RECIPIENT.test(r));
  if (bad.length > 0) {
    const shown = bad.map((r) => `'${r.length > 20 ? `${r.slice(0, 12)}…` : r}'`).join(', ');
    throw new OptionError(
      'encrypt-recipients',
      `has ${bad.length === 1 ? 'an invalid recipient' : 'invalid recipients'}: ${shown}. ` +
        'Each must be an age X25519 public key: age1 followed by 58 lower-case bech32 characters (see `age-keygen -y`).',
    );
  }
}

export async function encryptStream(plaintext: Readable, recipients: string[]): Promise<Readable> {
  checkRecipients(recipients);
  const { Encrypter } = await loadAge();
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(recipient);
  const web = await encrypter.encrypt(Readable.toWeb(plaintext) as unknown as ReadableStream<Uint8Array>);
  return Readable.fromWeb(web as unknown as WebReadableStream<Uint8Array>);
}

/**
 * Decrypts with an `AGE-SECRET-KEY-1…` identity; a wrong identity is an `OptionError` about the
 * option that gave it (`decrypt-identity`), not a stack trace.
 */
export async function decryptStream(
  ciphertext: Readable,
  identity: string,
  option = IDENTITY_OPTION,
): Promise<Readable> {
  const trimmed = identity.trim();
  if (!/^AGE-SECRET-KEY-1[0-9A-Z]+$/.test(trimmed)) {
    throw new OptionError(option, 'must be an age identity (AGE-SECRET-KEY-1…, as written by age-keygen).');
  }
  const { Decrypter } = await loadAge();
  const decrypter = new Decrypter();
  decrypter.addIdentity(trimmed);
  try {
    const web = await decrypter.decrypt(Readable.toWeb(ciphertext) as unknown as ReadableStream<Uint8Array>);
    return Readable.fromWeb(web as unknown as WebReadableStream<Uint8Array>);
  } catch (error) {
    const message = (error as Error).message ?? '';
    if (/no identity matched/i.test(message)) {
      throw new OptionError(option, 'cannot decrypt this backup: it was encrypted to other recipients.');
    }
    throw new UserError(`The backup could not be decrypted: ${message}`);
  }
}

/** The public key (`age1…`) of an identity, to check it matches a manifest's recipients. */
export async function recipientOf(identity: string): Promise<string> {
  const { identityToRecipient } = await loadAge();
  return identityToRecipient(identity.trim());
}

export type Encoding = 'age' | 'zstd' | 'gzip' | 'archive' | 'unknown';

/** What a stored object starts with: age, zstd, gzip or a bare mongodump archive. */
export function sniffEncoding(head: Uint8Array): Encoding {
  const b = Buffer.from(head);
  if (b.subarray(0, 21).toString('latin1') === 'age-encryption.org/v1') return 'age';
  if (b.length >= 4 && b.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
  if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) return 'gzip';
  if (b.length >= 4 && b.readUInt32LE(0) === 0x8199e26d) return 'archive';
  return 'unknown';
}
