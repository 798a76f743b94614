import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ArchiveWriter } from '@shipkit/archive';
import { compressStream, encryptStream } from '@shipkit/backup';
import { FileStorage } from '@shipkit/storage';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { BSON } from 'mongodb';
import { ArchiveStageError, openStoredArchive } from '../src/stored-archive';

let dir: string;
let storage: FileStorage;
let archive: Buffer;
let identity: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stored-archive-'));
  storage = new FileStorage({ kind: 'file', root: dir });
  const writer = new ArchiveWriter();
  const bytes = buffer(writer.stream);
  await writer.begin({
    header: { concurrent_collections: 1, server_version: '7.0.0', tool_version: 'test' },
    namespaces: [
      {
        db: 'shop',
        collection: 'orders',
        type: 'collection',
        metadata: { options: {}, indexes: [], collectionName: 'orders', type: 'collection' },
      },
    ],
  });
  await writer.writeDocuments(
    'shop.orders',
    Array.from({ length: 2000 }, (_, i) => BSON.serialize({ _id: i, note: `order ${i}` })),
  );
  await writer.endNamespace('shop.orders');
  await writer.finish();
  archive = await bytes;
  identity = await generateIdentity();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function store(name: string, layers: ('age' | 'zstd' | 'gzip')[]): Promise<Buffer> {
  let stream: Readable = Readable.from([archive]);
  for (const layer of layers) {
    stream =
      layer === 'age'
        ? await encryptStream(stream, [await identityToRecipient(identity)])
        : stream.pipe(compressStream(layer));
  }
  const stored = await buffer(stream);
  await storage.put(name, stored);
  return stored;
}

async function readAll(name: string, options = {}) {
  const opened = await openStoredArchive(storage, name, options);
  let documents = 0;
  try {
    for await (const event of opened.events) if (event.type === 'documents') documents += event.docs.length;
    return { documents, layers: opened.layers, digest: await opened.digest(false) };
  } finally {
    await opened.close();
  }
}

describe('openStoredArchive', () => {
  it.each([
    ['plain', [] as ('zstd' | 'gzip')[]],
    ['gzip', ['gzip'] as const],
    ['zstd', ['zstd'] as const],
  ])('recognises a %s archive and hashes the stored bytes', async (name, layers) => {
    const stored = await store(`${name}.archive`, [...layers]);
    const result = await readAll(`${name}.archive`);
    expect(result.documents).toBe(2000);
    expect(result.layers).toEqual(layers);
    expect(result.digest).toMatchObject({ bytes: stored.length, complete: true });
  });

  it('decrypts an age-encrypted, zstd-compressed archive with its identity', async () => {
    await store('sealed.archive', ['zstd', 'age']);
    const result = await readAll('sealed.archive', { identity });
    expect(result).toMatchObject({ documents: 2000, layers: ['age', 'zstd'] });
    await expect(readAll('sealed.archive')).rejects.toThrow(
      `${storage.describe('sealed.archive')} is encrypted with age: give the identity that decrypts it as 'decrypt-identity'.`,
    );
  });

  it('says an object is not an archive without showing any of its bytes', async () => {
    const content = 'hello, this is not an archive';
    await storage.put('notes.txt', Buffer.from(content));
    const failure = readAll('notes.txt');
    await expect(failure).rejects.toBeInstanceOf(ArchiveStageError);
    const message = await failure.catch((error: Error) => error.message);
    expect(message).toBe(
      `${storage.describe('notes.txt')} is not a mongodump archive: it does not start with the archive magic 6de29981, zstd, gzip or age.`,
    );
    expect(message).not.toContain(Buffer.from(content).subarray(0, 4).toString('hex'));
    expect(message).not.toContain('hello');
    await storage.put('empty', Buffer.alloc(0));
    await expect(readAll('empty')).rejects.toThrow(
      `${storage.describe('empty')} is not a mongodump archive: it is empty.`,
    );
  });

  it('reads the rest of the object for the digest after a layer failed', async () => {
    const stored = await store('broken.archive.zst', ['zstd']);
    const broken = Buffer.from(stored);
    broken.fill(0x55, 100, 400);
    await storage.put('broken.archive.zst', broken);
    const opened = await openStoredArchive(storage, 'broken.archive.zst');
    await expect(
      (async () => {
        for await (const _ of opened.events);
      })(),
    ).rejects.toThrow(/Decompressing .* \(zstd\) failed: the stored data was changed or cut off/);
    expect(await opened.digest(true)).toMatchObject({ bytes: broken.length, complete: true });
  });

  it('says when the object does not exist', async () => {
    await expect(openStoredArchive(storage, 'missing.archive')).rejects.toThrow(
      `${storage.describe('missing.archive')} does not exist.`,
    );
  });
});
