import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  PutObjectRetentionCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { UserError } from '@shipkit/runtime';
import { ObjectExistsError, ObjectNotFoundError, RetainedByLockError } from '../src/index';
import { createS3Client, S3Storage, type S3StorageOptions } from '../src/s3-storage';

const MiB = 1024 * 1024;
// Uploads of several MiB through the SDK's JavaScript CRC32 take seconds under jest's module VM.
jest.setTimeout(60_000);

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: the integration tests get S3 from test/servers (jest global setup); run them with ` +
        '`npm test`, or set S3_ENDPOINT, S3_BUCKET, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_REGION.',
    );
  }
  return value;
}

const endpoint = requiredEnv('S3_ENDPOINT');
const bucket = requiredEnv('S3_BUCKET');
const region = requiredEnv('AWS_REGION');
const credentials = {
  accessKeyId: requiredEnv('AWS_ACCESS_KEY_ID'),
  secretAccessKey: requiredEnv('AWS_SECRET_ACCESS_KEY'),
};
// Every run writes under its own prefix: other test files share the bucket.
const runPrefix = `storage-int-${Date.now()}-${randomBytes(3).toString('hex')}`;
const connection: S3StorageOptions = { endpoint, region, credentials, maxAttempts: 2 };

const opened: S3Storage[] = [];
function storageAt(prefix: string, options: S3StorageOptions = {}, where = bucket): S3Storage {
  const storage = new S3Storage({ kind: 's3', bucket: where, prefix }, { ...connection, ...options });
  opened.push(storage);
  return storage;
}

afterAll(async () => {
  for (const storage of opened) await storage.close();
});

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Random bytes in 64 KiB chunks, like a compressor's output; `failAfter` makes the stream error past that many bytes. */
function dataStream(size: number, failAfter?: number): { stream: Readable; sha256: string } {
  const data = randomBytes(size);
  let sent = 0;
  const stream = new Readable({
    read() {
      if (failAfter !== undefined && sent >= failAfter) return void this.destroy(new Error('source broke'));
      if (sent >= size) return void this.push(null);
      const chunk = data.subarray(sent, Math.min(size, sent + 64 * 1024));
      sent += chunk.length;
      this.push(chunk);
    },
  });
  return { stream, sha256: createHash('sha256').update(data).digest('hex') };
}

function failure(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a failure, but it succeeded');
    },
    (error: unknown) => error as Error,
  );
}

describe('S3 storage against a real S3 server', () => {
  test('put, get, getRange, head and delete', async () => {
    const storage = storageAt(`${runPrefix}/basic`);
    const put = await storage.put('id1/manifest.json', Buffer.from('{"ok":true}'), {
      contentType: 'application/json',
    });
    expect(put).toEqual({ key: 'id1/manifest.json', bytes: 11, parts: 1, etag: expect.any(String) });
    const small = await storage.put(
      'id1/notes.txt',
      Readable.from([Buffer.from('hello '), Buffer.from('world')]),
    );
    expect(small.bytes).toBe(11);

    expect((await all(await storage.get('id1/manifest.json'))).join('')).toBe('{"ok":true}');
    expect((await all(await storage.getRange('id1/notes.txt', 6))).join('')).toBe('world');
    expect((await all(await storage.getRange('id1/notes.txt', 0, 4))).join('')).toBe('hello');
    const head = await storage.head('id1/manifest.json');
    expect(head).toEqual({ size: 11, lastModified: expect.any(Date), etag: put.etag });

    expect(await storage.head('id1/missing')).toBeUndefined();
    await expect(storage.get('id1/missing')).rejects.toThrow(ObjectNotFoundError);

    await storage.delete('id1/manifest.json');
    await storage.delete('id1/manifest.json'); // already gone: still fine
    expect(await storage.head('id1/manifest.json')).toBeUndefined();
    expect(storage.describe('id1/notes.txt')).toBe(`s3://${bucket}/${runPrefix}/basic/id1/notes.txt`);
  });

  test('list pages through every key under the prefix, and only under it', async () => {
    let pages = 0;
    const client: S3Client = createS3Client(connection);
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'ListObjectsV2Command') pages += 1;
        return next(args);
      },
      { step: 'initialize' },
    );
    const storage = storageAt(`${runPrefix}/list`, { client, listPageSize: 2 });
    const sibling = storageAt(`${runPrefix}/list-old`);
    const keys = ['a/1', 'a/2', 'b/1', 'b/2', 'b/3', 'c', 'd/e/f'];
    await Promise.all(keys.map((key) => storage.put(key, Buffer.from(key))));
    await sibling.put('must-not-be-listed', Buffer.from('x'));

    const listed = await all(storage.list());
    expect(listed.map((object) => object.key)).toEqual(keys);
    expect(listed[0]).toEqual({ key: 'a/1', size: 3, lastModified: expect.any(Date) });
    expect(pages).toBe(4);

    expect((await all(storage.list('b/'))).map((object) => object.key)).toEqual(['b/1', 'b/2', 'b/3']);
    expect(await all(storage.list('zzz/'))).toEqual([]);
    client.destroy();
  });

  test.each([
    ['default checksums', {}],
    ['checksums only when required (R2, B2)', { requestChecksumCalculation: 'WHEN_REQUIRED' as const }],
    ['three parts in flight', { partsInFlight: 3 }],
  ])('a ~16 MiB stream of unknown length goes up in 5 MiB parts (%s)', async (_name, options) => {
    const storage = storageAt(`${runPrefix}/multipart`, { partSize: 5 * MiB, ...options });
    const size = 16 * MiB + 1234;
    const { stream, sha256 } = dataStream(size);
    const result = await storage.put('id/archive.zst', stream);
    expect(result.bytes).toBe(size);
    expect(result.parts).toBe(4);
    expect(result.etag).toMatch(/-4"$/);
    expect((await storage.head('id/archive.zst'))?.size).toBe(size);
    expect(await sha256Of(await storage.get('id/archive.zst'))).toBe(sha256);
    expect(await all(storage.listIncompleteUploads())).toEqual([]);
  });

  test('a conditional put refuses an existing key, single part or multipart', async () => {
    const storage = storageAt(`${runPrefix}/conditional`, { partSize: 5 * MiB });
    const first = await storage.put('id/manifest.json', Buffer.from('{"n":1}'), { ifNoneMatch: true });
    expect(first.conditional).toBe('if-none-match');
    await expect(
      storage.put('id/manifest.json', Buffer.from('{"n":2}'), { ifNoneMatch: true }),
    ).rejects.toThrow(ObjectExistsError);
    await expect(
      storage.put('id/manifest.json', dataStream(6 * MiB).stream, { ifNoneMatch: true }),
    ).rejects.toBeInstanceOf(ObjectExistsError);
    expect((await all(await storage.get('id/manifest.json'))).join('')).toBe('{"n":1}');
    // The refused multipart upload was aborted, not left behind.
    expect(await all(storage.listIncompleteUploads())).toEqual([]);

    const big = await storage.put('id/archive', dataStream(6 * MiB).stream, { ifNoneMatch: true });
    expect(big).toMatchObject({ parts: 2, conditional: 'if-none-match' });
  });

  test('a source that fails mid-upload leaves no object and no incomplete upload', async () => {
    const storage = storageAt(`${runPrefix}/aborted`, { partSize: 5 * MiB });
    const { stream } = dataStream(16 * MiB, 11 * MiB);
    const error = await failure(storage.put('id/archive', stream));
    expect(error.message).toMatch(/reading the data to upload failed: source broke/);
    expect(await storage.head('id/archive')).toBeUndefined();
    expect(await all(storage.list())).toEqual([]);
    expect(await all(storage.listIncompleteUploads())).toEqual([]);
  });

  test('the sweep sees multipart uploads orphaned under the prefix, and aborts them', async () => {
    const storage = storageAt(`${runPrefix}/orphans`);
    const client = createS3Client(connection);
    const { UploadId } = await client.send(
      new CreateMultipartUploadCommand({ Bucket: bucket, Key: `${runPrefix}/orphans/id/archive` }),
    );
    await client.send(
      new CreateMultipartUploadCommand({ Bucket: bucket, Key: `${runPrefix}/orphans-not-ours/id/archive` }),
    );
    client.destroy();
    const incomplete = await all(storage.listIncompleteUploads());
    expect(incomplete).toEqual([{ key: 'id/archive', uploadId: UploadId, initiated: expect.any(Date) }]);
    for (const upload of incomplete) await storage.abortUpload(upload);
    expect(await all(storage.listIncompleteUploads())).toEqual([]);
    await storage.abortUpload({ key: 'id/archive', uploadId: UploadId ?? '' }); // already gone: still fine
  });

  test('a missing bucket is a UserError naming the bucket', async () => {
    const storage = storageAt(runPrefix, {}, `${bucket}-missing-${randomBytes(3).toString('hex')}`);
    const put = await failure(storage.put('x', Buffer.from('x')));
    expect(put).toBeInstanceOf(UserError);
    expect(put.message).toMatch(/Bucket ".*-missing-[0-9a-f]+" does not exist/);
    const list = await failure(all(storage.list()));
    expect(list).toBeInstanceOf(UserError);
    expect(list.message).toMatch(/does not exist/);
  });

  test('wrong credentials are a UserError that does not show the secret', async () => {
    const wrongSecret = 'definitely-not-the-secret-0123456789';
    const storage = storageAt(runPrefix, { credentials: { ...credentials, secretAccessKey: wrongSecret } });
    const error = await failure(storage.put('x', Buffer.from('x')));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(/credentials were rejected/);
    expect(error.message).not.toContain(wrongSecret);

    const unknownKey = storageAt(runPrefix, {
      credentials: { accessKeyId: 'nobody', secretAccessKey: wrongSecret },
    });
    const listing = await failure(all(unknownKey.list()));
    expect(listing).toBeInstanceOf(UserError);
    expect(listing.message).toMatch(/credentials were rejected|Access denied/);
  });

  test('an unreachable endpoint is a UserError naming it, within a few seconds', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const storage = storageAt(runPrefix, { endpoint: `http://127.0.0.1:${port}`, connectTimeoutMs: 1000 });
    const started = Date.now();
    const error = await failure(all(storage.list()));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain(`Cannot reach the S3 endpoint http://127.0.0.1:${port}`);
  });

  describe('Object Lock', () => {
    const lockedBucket = `${bucket}-lock-${randomBytes(3).toString('hex')}`;
    beforeAll(async () => {
      const client = createS3Client(connection);
      await client.send(new CreateBucketCommand({ Bucket: lockedBucket, ObjectLockEnabledForBucket: true }));
      client.destroy();
    });

    test('deleting an object under retention is RetainedByLockError', async () => {
      const storage = storageAt('backups', {}, lockedBucket);
      await storage.put('id/archive', Buffer.from('data'));
      const client = createS3Client(connection);
      await client.send(
        new PutObjectRetentionCommand({
          Bucket: lockedBucket,
          Key: 'backups/id/archive',
          Retention: { Mode: 'GOVERNANCE', RetainUntilDate: new Date(Date.now() + 60_000) },
        }),
      );
      await client.send(new PutObjectCommand({ Bucket: lockedBucket, Key: 'backups/free', Body: 'x' }));
      client.destroy();

      const error = await failure(storage.delete('id/archive'));
      expect(error).toBeInstanceOf(RetainedByLockError);
      expect((error as RetainedByLockError).key).toBe('id/archive');
      expect(error.message).toContain(`s3://${lockedBucket}/backups/id/archive is retained by Object Lock`);
      expect((await storage.head('id/archive'))?.size).toBe(4);
      await storage.delete('free');
      expect(await storage.head('free')).toBeUndefined();
    });
  });
});
