import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from '@jest/globals';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import {
  checkCompressionLevel,
  checkRecipients,
  compressStream,
  decompressStream,
  decryptStream,
  encryptStream,
  sniffEncoding,
} from '../src/codec';

const data = Buffer.concat([randomBytes(200_000), Buffer.alloc(300_000, 7)]);

async function through(input: Buffer, ...stages: NodeJS.ReadWriteStream[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(Readable.from([input]), ...(stages as [NodeJS.ReadWriteStream]), async (source) => {
    for await (const chunk of source) chunks.push(chunk as Buffer);
  });
  return Buffer.concat(chunks);
}

describe('compression', () => {
  it.each(['zstd', 'gzip', 'none'] as const)('%s round-trips and is recognised', async (compression) => {
    const packed = await through(data, compressStream(compression, compression === 'none' ? undefined : 3));
    if (compression !== 'none') expect(packed.length).toBeLessThan(data.length);
    expect(sniffEncoding(packed)).toBe(compression === 'none' ? 'unknown' : compression);
    expect((await through(packed, decompressStream(compression))).equals(data)).toBe(true);
  });

  it('refuses levels outside each algorithm’s range, naming the input', () => {
    expect(() => checkCompressionLevel('gzip', 12)).toThrow(
      "Option 'compression-level' for gzip must be from 1 to 9, got 12.",
    );
    expect(() => checkCompressionLevel('zstd', 0)).toThrow('from 1 to 22');
    expect(() => checkCompressionLevel('none', 3)).toThrow(
      "Option 'compression-level' cannot be used with 'compression' 'none'.",
    );
    expect(() => checkCompressionLevel('zstd', 19)).not.toThrow();
  });
});

describe('age encryption', () => {
  it('encrypts to several recipients; each identity decrypts; the output is age format', async () => {
    const [a, b] = [await generateIdentity(), await generateIdentity()];
    const recipients = [await identityToRecipient(a), await identityToRecipient(b)];
    const sealed = await buffer(await encryptStream(Readable.from([data]), recipients));
    expect(sniffEncoding(sealed)).toBe('age');
    for (const identity of [a, b]) {
      expect((await buffer(await decryptStream(Readable.from([sealed]), identity))).equals(data)).toBe(true);
    }
  });

  it('names the input when the identity is wrong, and never echoes it', async () => {
    const sealed = await buffer(
      await encryptStream(Readable.from([data]), [await identityToRecipient(await generateIdentity())]),
    );
    const stranger = await generateIdentity();
    const attempt = decryptStream(Readable.from([sealed]), stranger).then((s) => buffer(s));
    await expect(attempt).rejects.toThrow("Option 'decrypt-identity' cannot decrypt this backup");
    await expect(decryptStream(Readable.from([sealed]), 'not-a-key')).rejects.toThrow(
      /must be an age identity/,
    );
    await attempt.catch((error: Error) => expect(error.message).not.toContain(stranger));
  });

  it('detects a truncated or tampered ciphertext', async () => {
    const identity = await generateIdentity();
    const sealed = await buffer(
      await encryptStream(Readable.from([data]), [await identityToRecipient(identity)]),
    );
    const truncated = sealed.subarray(0, sealed.length - 1000);
    await expect(decryptStream(Readable.from([truncated]), identity).then(buffer)).rejects.toThrow();
    const flipped = Buffer.from(sealed);
    flipped.writeUInt8(flipped.readUInt8(flipped.length - 5000) ^ 0x40, flipped.length - 5000);
    await expect(decryptStream(Readable.from([flipped]), identity).then(buffer)).rejects.toThrow();
  });

  it('refuses malformed recipients, naming the input', () => {
    expect(() => checkRecipients(['age1notakey'])).toThrow(
      /Option 'encrypt-recipients' has an invalid recipient: 'age1notakey'/,
    );
  });
});
