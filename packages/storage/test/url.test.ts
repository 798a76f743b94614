import { describe, expect, test } from '@jest/globals';
import { UserError } from '@shipkit/runtime';
import { formatStorageUrl, openStorage, parseStorageUrl, partSizeFor } from '../src/index';
import { S3Storage } from '../src/s3-storage';

function refusal(url: string): Error {
  try {
    parseStorageUrl(url);
  } catch (error) {
    return error as Error;
  }
  throw new Error(`${url} was accepted`);
}

describe('parseStorageUrl', () => {
  test.each([
    ['s3://backups', { kind: 's3', bucket: 'backups', prefix: '' }],
    ['s3://backups/', { kind: 's3', bucket: 'backups', prefix: '' }],
    ['s3://my-bucket.eu/prod/mongo/', { kind: 's3', bucket: 'my-bucket.eu', prefix: 'prod/mongo' }],
    ['S3://Legacy_Bucket/x', { kind: 's3', bucket: 'Legacy_Bucket', prefix: 'x' }],
    ['  s3://b12/p  ', { kind: 's3', bucket: 'b12', prefix: 'p' }],
    ['file:///var/backups', { kind: 'file', root: '/var/backups' }],
    ['file:///var/backups/', { kind: 'file', root: '/var/backups' }],
    ['file://localhost/srv/dumps', { kind: 'file', root: '/srv/dumps' }],
    ['file:///tmp/with%20space', { kind: 'file', root: '/tmp/with space' }],
  ])('%s', (url, location) => {
    expect(parseStorageUrl(url)).toEqual(location);
  });

  test.each([
    ['', /is empty/],
    ['gs://bucket/prefix', /unsupported scheme "gs:"/],
    ['bucket/prefix', /has no scheme/],
    ['/var/backups', /bare path; write it as file:\/\/\/var\/backups/],
    ['s3://', /has no bucket name/],
    ['s3:///prefix', /has no bucket name/],
    ['s3:bucket', /must start with s3:\/\//],
    ['s3://a/prefix', /invalid bucket name "a"/],
    ['s3://bad!bucket/x', /invalid bucket name/],
    ['s3://bucket/a//b', /empty, "." or ".." segment/],
    ['s3://bucket/a/../b', /empty, "." or ".." segment/],
    ['s3://bucket/p?region=eu-west-1', /query or fragment/],
    ['file://relative/path', /not an absolute file URL/],
    ['file:relative', /not an absolute file URL/],
    ['file:///', /file system root/],
  ])('%j is refused, naming the input and the accepted forms', (url, problem) => {
    const error = refusal(url);
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(problem);
    expect(error.message).toContain(`"${url.trim()}"`);
    expect(error.message).toContain('s3://bucket/prefix, file:///absolute/path');
  });

  test('credentials in the URL are refused without echoing them', () => {
    const error = refusal('s3://AKIAEXAMPLE:wJalrXUtnFEMIsecret@bucket/prefix');
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(/credentials/);
    expect(error.message).not.toContain('wJalrXUtnFEMIsecret');
    expect(error.message).not.toContain('AKIAEXAMPLE');
  });
});

describe('formatStorageUrl and describe', () => {
  test('round-trips and names keys', () => {
    for (const url of ['s3://bucket', 's3://bucket/a/b', 'file:///var/backups']) {
      expect(formatStorageUrl(parseStorageUrl(url))).toBe(url);
    }
    expect(formatStorageUrl(parseStorageUrl('s3://bucket/p'), 'id/manifest.json')).toBe(
      's3://bucket/p/id/manifest.json',
    );
    expect(formatStorageUrl(parseStorageUrl('s3://bucket'), 'id/x')).toBe('s3://bucket/id/x');
    expect(formatStorageUrl(parseStorageUrl('file:///tmp/with%20space'), 'a b/c')).toBe(
      'file:///tmp/with%20space/a%20b/c',
    );
  });

  test('an S3 storage describes itself without credentials', async () => {
    const storage = new S3Storage(
      { kind: 's3', bucket: 'bucket', prefix: 'p' },
      {
        endpoint: 'http://127.0.0.1:9',
        credentials: { accessKeyId: 'AKIDSHOWN', secretAccessKey: 'hidden-secret' },
      },
    );
    expect(storage.describe()).toBe('s3://bucket/p');
    expect(storage.describe('k')).toBe('s3://bucket/p/k');
    await storage.close();
  });
});

describe('part size', () => {
  const MiB = 1024 * 1024;

  test('partSizeFor reaches the size asked for within 10,000 parts, never below 5 MiB', () => {
    expect(partSizeFor(0)).toBe(5 * MiB);
    expect(partSizeFor(10 * 1024 ** 3)).toBe(5 * MiB);
    expect(partSizeFor(1024 ** 4)).toBe(105 * MiB);
    expect(partSizeFor(1024 ** 4) * 10_000).toBeGreaterThanOrEqual(1024 ** 4);
    expect(partSizeFor(1024 ** 5)).toBe(5 * 1024 * MiB);
  });

  test('an out-of-range part size is a UserError', () => {
    const location = { kind: 's3', bucket: 'bucket', prefix: '' } as const;
    expect(() => new S3Storage(location, { partSize: 4 * MiB })).toThrow(UserError);
    expect(() => new S3Storage(location, { partSize: 6 * 1024 * MiB })).toThrow(/5 MiB to 5 GiB/);
  });

  test('a KMS key without aws:kms encryption is a UserError', () => {
    const location = { kind: 's3', bucket: 'bucket', prefix: '' } as const;
    expect(
      () => new S3Storage(location, { serverSideEncryption: 'AES256', kmsKeyId: 'alias/backups' }),
    ).toThrow(/needs server-side encryption aws:kms/);
  });

  test('openStorage checks S3 options at once, before the SDK is loaded', () => {
    expect(() => openStorage('s3://bucket/p', { s3: { partSize: 4 * MiB } })).toThrow(/5 MiB to 5 GiB/);
    expect(() =>
      openStorage('s3://bucket/p', { s3: { serverSideEncryption: 'AES256', kmsKeyId: 'alias/backups' } }),
    ).toThrow(/needs server-side encryption aws:kms/);
  });
});

describe('openStorage for s3://', () => {
  test('describes itself and closes without loading the SDK, and reaches the store on first use', async () => {
    const storage = openStorage('s3://bucket/p', {
      s3: {
        endpoint: 'http://127.0.0.1:9',
        maxAttempts: 1,
        connectTimeoutMs: 500,
        credentials: { accessKeyId: 'AKIDSHOWN', secretAccessKey: 'hidden-secret' },
      },
    });
    expect(storage.describe('k')).toBe('s3://bucket/p/k');
    await storage.close();
    // Port 9 (discard) refuses connections: the error must come from the loaded S3 storage.
    await expect(storage.head('k')).rejects.toThrow(/127\.0\.0\.1:9|bucket/);
    await storage.close();
  });
});
