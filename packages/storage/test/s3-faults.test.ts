import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { CancelledError, Deadline, DeadlineExceededError, MemoryLogger, UserError } from '@shipkit/runtime';
import { DestinationWriteError, ObjectExistsError, RetainedByLockError } from '../src/index';
import { S3Storage, type S3StorageOptions } from '../src/s3-storage';
import { type FakeS3, s3Error, startFakeS3 } from './fake-s3';

const MiB = 1024 * 1024;
// The SDK backs off up to a few seconds between retries of 503 SlowDown.
jest.setTimeout(30_000);
const SECRET = 'fake-secret-key-that-must-not-leak';

function storageOn(endpoint: string, extra: Partial<S3StorageOptions> = {}): S3Storage {
  return new S3Storage(
    { kind: 's3', bucket: 'fake-bucket', prefix: 'backups' },
    {
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'fake-access', secretAccessKey: SECRET },
      partSize: 5 * MiB,
      maxAttempts: 3,
      connectTimeoutMs: 1000,
      socketTimeoutMs: 1000,
      ...extra,
    },
  );
}

/** `size` bytes in 64 KiB chunks, like a compressor's output. */
function streamOf(size: number): Readable {
  const chunk = Buffer.alloc(64 * 1024, 1);
  let left = size;
  return new Readable({
    read() {
      if (left <= 0) return void this.push(null);
      const piece = chunk.subarray(0, Math.min(chunk.length, left));
      left -= piece.length;
      this.push(piece);
    },
  });
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure, but it succeeded');
}

describe('S3 faults a real server will not produce on demand', () => {
  let fake: FakeS3;
  let storage: S3Storage;
  beforeEach(async () => {
    fake = await startFakeS3();
    storage = storageOn(fake.endpoint);
  });
  afterEach(async () => {
    await storage.close();
    await fake.close();
  });

  const operations = () => fake.requests.map((request) => request.operation);

  test('a CompleteMultipartUpload answered 200 with an <Error> body is a failure, and the upload is aborted', async () => {
    fake.fault = (request) =>
      request.operation === 'CompleteMultipartUpload'
        ? { ...s3Error(200, 'InternalError', 'We encountered an internal error. Please try again.') }
        : undefined;
    const error = await failureOf(storage.put('b1/archive', streamOf(12 * MiB)));
    expect(error.message).toMatch(/multipart upload of s3:\/\/fake-bucket\/backups\/b1\/archive/);
    expect(error.message).toMatch(/InternalError/);
    // Retried as the transient error it is, then given up, then aborted: never reported as stored.
    expect(operations().filter((operation) => operation === 'CompleteMultipartUpload')).toHaveLength(3);
    expect(operations().at(-1)).toBe('AbortMultipartUpload');
    expect(fake.objects.has('backups/b1/archive')).toBe(false);
  });

  test('a complete answered 200 with an empty body is a failure too', async () => {
    fake.fault = (request) => (request.operation === 'CompleteMultipartUpload' ? { status: 200 } : undefined);
    await failureOf(storage.put('b1/archive', streamOf(6 * MiB)));
    expect(operations().at(-1)).toBe('AbortMultipartUpload');
  });

  test('503 SlowDown on parts and on completion is retried and the upload succeeds', async () => {
    fake.fault = (request, seen) => {
      const sameSoFar = seen.filter((other) => other.operation === request.operation).length;
      if (request.operation === 'UploadPart' && sameSoFar <= 2)
        return s3Error(503, 'SlowDown', 'Please reduce your request rate.');
      if (request.operation === 'CompleteMultipartUpload' && sameSoFar === 1) {
        return s3Error(503, 'SlowDown', 'Please reduce your request rate.');
      }
      return undefined;
    };
    const result = await storage.put('b2/archive', streamOf(11 * MiB));
    expect(result).toEqual({ key: 'b2/archive', bytes: 11 * MiB, parts: 3, etag: '"done-1"' });
    expect(operations().filter((operation) => operation === 'UploadPart')).toHaveLength(5);
    expect(operations().filter((operation) => operation === 'CompleteMultipartUpload')).toHaveLength(2);
    expect(operations()).not.toContain('AbortMultipartUpload');
    expect(fake.objects.get('backups/b2/archive')).toBe(11 * MiB);
  });

  test('parts have the fixed size, the last one the rest', async () => {
    await storage.put('b2/archive', streamOf(12 * MiB + 3));
    const sizes = fake.requests
      .filter((request) => request.operation === 'UploadPart')
      .map((r) => r.bodyBytes);
    expect(sizes).toEqual([5 * MiB, 5 * MiB, 2 * MiB + 3]);
  });

  test('a part answered without an ETag is a failure, and the upload is aborted', async () => {
    fake.fault = (request) => (request.operation === 'UploadPart' ? { status: 200 } : undefined);
    const error = await failureOf(storage.put('b3/archive', streamOf(7 * MiB)));
    expect(error.message).toMatch(/without an ETag/);
    expect(operations()).toContain('AbortMultipartUpload');
    expect(operations()).not.toContain('CompleteMultipartUpload');
  });

  test('a failing source stream aborts the multipart upload', async () => {
    const source = streamOf(20 * MiB);
    let sent = 0;
    source.on('data', (chunk: Buffer) => {
      sent += chunk.length;
      if (sent > 8 * MiB) source.destroy(new Error('dump connection lost'));
    });
    const error = await failureOf(storage.put('b4/archive', source));
    expect(error.message).toMatch(/reading the data to upload failed: dump connection lost/);
    expect(operations()).toContain('AbortMultipartUpload');
    expect(operations()).not.toContain('CompleteMultipartUpload');
  });

  test('a store that rejects If-None-Match with 501 gets HEAD then PUT, and says so', async () => {
    const logger = new MemoryLogger();
    await storage.close();
    storage = storageOn(fake.endpoint, { logger });
    fake.fault = (request) =>
      request.operation === 'PutObject' && request.headers['if-none-match'] === '*'
        ? s3Error(
            501,
            'NotImplemented',
            'A header you provided implies functionality that is not implemented',
          )
        : undefined;
    const first = await storage.put('b5/manifest.json', Buffer.from('{"v":1}'), { ifNoneMatch: true });
    expect(first.conditional).toBe('head-then-put');
    expect(operations()).toEqual(['PutObject', 'HeadObject', 'PutObject']);
    expect(logger.text).toMatch(/does not support conditional writes/);

    // Remembered: the next conditional write goes straight to HEAD, which finds the object.
    fake.requests.length = 0;
    const error = await failureOf(
      storage.put('b5/manifest.json', Buffer.from('{"v":2}'), { ifNoneMatch: true }),
    );
    expect(error).toBeInstanceOf(ObjectExistsError);
    expect(operations()).toEqual(['HeadObject']);
  });

  test('412 on a conditional completion is ObjectExistsError, and the upload is aborted', async () => {
    fake.fault = (request) =>
      request.operation === 'CompleteMultipartUpload'
        ? s3Error(412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold')
        : undefined;
    const error = await failureOf(storage.put('b6/archive', streamOf(6 * MiB), { ifNoneMatch: true }));
    expect(error).toBeInstanceOf(ObjectExistsError);
    expect(
      fake.requests.find((r) => r.operation === 'CompleteMultipartUpload')?.headers['if-none-match'],
    ).toBe('*');
    expect(operations().at(-1)).toBe('AbortMultipartUpload');
  });

  test('an Object Lock refusal is RetainedByLockError; a plain permission refusal is not', async () => {
    fake.fault = (request) =>
      request.operation === 'DeleteObject' && request.key.endsWith('locked')
        ? s3Error(403, 'AccessDenied', 'Access Denied because object protected by object lock.')
        : request.operation === 'DeleteObject'
          ? s3Error(403, 'AccessDenied', 'Access Denied')
          : undefined;
    const locked = await failureOf(storage.delete('b7/locked'));
    expect(locked).toBeInstanceOf(RetainedByLockError);
    expect((locked as RetainedByLockError).key).toBe('b7/locked');
    expect(locked.message).toMatch(/s3:\/\/fake-bucket\/backups\/b7\/locked is retained by Object Lock/);

    const denied = await failureOf(storage.delete('b7/other'));
    expect(denied).toBeInstanceOf(UserError);
    expect(denied).not.toBeInstanceOf(RetainedByLockError);
    expect(denied.message).toMatch(/Access denied during deletion/);
  });

  test('a generic AccessDenied on an object whose HEAD shows a retention date ahead is RetainedByLockError', async () => {
    fake.fault = (request) => {
      if (request.operation === 'DeleteObject') return s3Error(403, 'AccessDenied', 'Access Denied');
      if (request.operation === 'HeadObject') {
        return {
          status: 200,
          headers: {
            'x-amz-object-lock-mode': 'GOVERNANCE',
            'x-amz-object-lock-retain-until-date': new Date(Date.now() + 86_400_000).toISOString(),
          },
        };
      }
      return undefined;
    };
    const error = await failureOf(storage.delete('b8/archive'));
    expect(error).toBeInstanceOf(RetainedByLockError);
    expect(error.message).toMatch(/GOVERNANCE until/);
  });

  test('storage class and server-side encryption go on every object write, not on parts', async () => {
    await storage.close();
    storage = storageOn(fake.endpoint, {
      storageClass: 'STANDARD_IA',
      serverSideEncryption: 'aws:kms',
      kmsKeyId: 'alias/backups',
    });
    await storage.put('b10/manifest.json', Buffer.from('{}'));
    await storage.put('b10/archive', streamOf(6 * MiB));
    for (const request of fake.requests) {
      const writesObject = request.operation === 'PutObject' || request.operation === 'CreateMultipartUpload';
      expect([request.operation, request.headers['x-amz-storage-class']]).toEqual([
        request.operation,
        writesObject ? 'STANDARD_IA' : undefined,
      ]);
      expect(request.headers['x-amz-server-side-encryption']).toBe(writesObject ? 'aws:kms' : undefined);
      expect(request.headers['x-amz-server-side-encryption-aws-kms-key-id']).toBe(
        writesObject ? 'alias/backups' : undefined,
      );
    }
  });

  test('checksum headers follow requestChecksumCalculation (WHEN_REQUIRED for R2 and B2)', async () => {
    await storage.put('b11/archive', streamOf(6 * MiB));
    const create = () => fake.requests.find((request) => request.operation === 'CreateMultipartUpload');
    const part = () => fake.requests.find((request) => request.operation === 'UploadPart');
    expect(create()?.headers['x-amz-checksum-algorithm']).toBe('CRC32');
    expect(part()?.headers['x-amz-checksum-crc32']).toEqual(expect.any(String));

    await storage.close();
    storage = storageOn(fake.endpoint, { requestChecksumCalculation: 'WHEN_REQUIRED' });
    fake.requests.length = 0;
    await storage.put('b11/archive', streamOf(6 * MiB));
    expect(create()?.headers['x-amz-checksum-algorithm']).toBeUndefined();
    expect(Object.keys(part()?.headers ?? {}).filter((name) => name.startsWith('x-amz-checksum'))).toEqual(
      [],
    );
  });

  test('errors never show the secret key', async () => {
    fake.fault = () =>
      s3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match');
    const error = await failureOf(storage.put('b9/x', Buffer.from('x')));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(/credentials were rejected \(SignatureDoesNotMatch\)/);
    expect(error.message).not.toContain(SECRET);
  });
});

describe('an unreachable endpoint fails fast with a UserError naming it', () => {
  test('connection refused', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createTcpServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const storage = storageOn(`http://127.0.0.1:${port}`, { maxAttempts: 2 });
    const started = Date.now();
    const error = await failureOf(storage.put('x', Buffer.from('x')));
    await storage.close();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(`Cannot reach the S3 endpoint http://127.0.0.1:${port} (ECONNREFUSED)`);
  });

  test('a server that accepts connections and never answers', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createTcpServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((listening) => silent.listen(0, '127.0.0.1', listening));
    const { port } = silent.address() as { port: number };
    const storage = storageOn(`http://127.0.0.1:${port}`, { maxAttempts: 2, socketTimeoutMs: 500 });
    const started = Date.now();
    const error = await failureOf(storage.head('x'));
    await storage.close();
    for (const socket of sockets) socket.destroy();
    await new Promise((closed) => silent.close(closed));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(
      /Cannot reach the S3 endpoint http:\/\/127.0.0.1:\d+ \(TimeoutError\) after 2 attempts/,
    );
  });
});

describe('a refused write says what is wrong with the destination, naming it', () => {
  let fake: FakeS3;
  let storage: S3Storage;
  beforeEach(async () => {
    fake = await startFakeS3();
    storage = storageOn(fake.endpoint);
  });
  afterEach(async () => {
    await storage.close();
    await fake.close();
  });

  test.each([
    ['AccessDenied on a PUT', 'PutObject', s3Error(403, 'AccessDenied', 'Access Denied'), 'is not writable'],
    ['a quota', 'PutObject', s3Error(403, 'QuotaExceeded', 'Bucket quota exceeded'), 'is full'],
    [
      'a full store',
      'UploadPart',
      s3Error(507, 'XMinioStorageFull', 'Storage backend has reached its minimum free drive threshold'),
      'is full',
    ],
    [
      'an object too large',
      'UploadPart',
      s3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size'),
      'refuses an object this large',
    ],
  ])('%s', async (_name, operation, answer, state) => {
    fake.fault = (request) => (request.operation === operation ? answer : undefined);
    const body = operation === 'PutObject' ? Buffer.from('{}') : streamOf(6 * MiB);
    const error = await failureOf(storage.put('2026-01-01T000000Z-abcdef/archive.zst', body));
    expect(error).toBeInstanceOf(DestinationWriteError);
    expect(error.message).toMatch(
      new RegExp(
        `^The destination s3://fake-bucket/backups ${state} \\(\\w+, HTTP \\d+ from the S3 endpoint http://127\\.0\\.0\\.1:\\d+\\) ` +
          'while writing 2026-01-01T000000Z-abcdef/archive\\.zst\\.',
      ),
    );
    expect(error.message).not.toContain(SECRET);
  });
});

describe("S3 requests within the run's deadline", () => {
  let fake: FakeS3;
  beforeEach(async () => {
    fake = await startFakeS3();
  });
  afterEach(async () => {
    await fake.close();
  });
  const operations = () => fake.requests.map((request) => request.operation);

  test('a stream that fits in one part still goes up as a multipart upload; a small buffer as one PUT', async () => {
    const storage = storageOn(fake.endpoint);
    const streamed = await storage.put('b1/archive', streamOf(1000));
    expect(streamed).toMatchObject({ bytes: 1000, parts: 1 });
    expect(operations()).toEqual(['CreateMultipartUpload', 'UploadPart', 'CompleteMultipartUpload']);
    expect(fake.requests[1]?.headers.expect).toBe('100-continue');
    fake.requests.length = 0;
    await storage.put('b1/manifest.json', Buffer.from('{}'));
    expect(operations()).toEqual(['PutObject']);
    expect(fake.requests[0]?.headers.expect).toBe('100-continue');
    await storage.close();
  });

  test('once the run stops, the upload is never completed, it is aborted, and the reason is the run’s', async () => {
    const deadline = new Deadline({ run: 'backup' });
    const storage = storageOn(fake.endpoint, { deadline });
    fake.fault = (request) => {
      if (request.operation === 'UploadPart')
        deadline.stop(new CancelledError('The backup was cancelled (SIGTERM).'));
      return undefined;
    };
    const error = await failureOf(storage.put('b2/archive', streamOf(12 * MiB)));
    await storage.close();
    expect(error).toBeInstanceOf(CancelledError);
    expect(error.message).toBe('The backup was cancelled (SIGTERM).');
    expect(operations()).not.toContain('CompleteMultipartUpload');
    expect(operations()).toContain('AbortMultipartUpload');
    expect(fake.objects.size).toBe(0);
  });

  test('a server that never answers: the deadline ends the wait and names the request', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createTcpServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((listening) => silent.listen(0, '127.0.0.1', listening));
    const { port } = silent.address() as { port: number };
    const deadline = new Deadline({ run: 'listing', timeoutMs: 600 });
    // The SDK's own timeouts are far away: only the deadline can end this.
    const storage = storageOn(`http://127.0.0.1:${port}`, { socketTimeoutMs: 60_000, deadline });
    const started = Date.now();
    const error = await failureOf(
      (async () => {
        for await (const _ of storage.list()) break;
      })(),
    );
    await storage.close();
    for (const socket of sockets) socket.destroy();
    await new Promise((closed) => silent.close(closed));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error).toBeInstanceOf(DeadlineExceededError);
    // How long it was silent depends on when the listing started within the 0.6 s (later on a busy machine).
    expect(error.message).toMatch(
      new RegExp(
        `^The listing did not finish within its timeout \\(0\\.6s\\): still waiting for the S3 endpoint http://127\\.0\\.0\\.1:${port} ` +
          '\\(listing of s3://fake-bucket/backups\\), silent for 0\\.[0-6]s\\.$',
      ),
    );
  });
});
