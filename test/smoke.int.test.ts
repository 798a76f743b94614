// Proves each test server is real: the driver, the S3 SDK and stock mongo-tools all work against them.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from '@jest/globals';
import { MongoClient } from 'mongodb';
import { testEnv, uniqueName } from './support/env';

const run = promisify(execFile);

describe('MongoDB test server', () => {
  it('inserts, finds and indexes through the driver with a password URI', async () => {
    const { mongodbUri } = testEnv();
    expect(mongodbUri).toMatch(/^mongodb:\/\/[^:]+:[^@]+@/);
    const client = await new MongoClient(mongodbUri).connect();
    try {
      const coll = client.db(uniqueName('smoke')).collection('items');
      await coll.insertMany([
        { sku: 'a', n: 1 },
        { sku: 'b', n: 2 },
      ]);
      await coll.createIndex({ sku: 1 }, { unique: true, name: 'sku_unique' });
      expect(await coll.findOne({ sku: 'b' })).toMatchObject({ n: 2 });
      expect((await coll.indexes()).map((i) => i.name)).toContain('sku_unique');
      await expect(coll.insertOne({ sku: 'a' })).rejects.toThrow(/duplicate key/i);
      await coll.db.dropDatabase();
    } finally {
      await client.close();
    }
  });

  it('refuses a wrong password', async () => {
    const { mongodbUri } = testEnv();
    const wrong = mongodbUri.replace(/:[^:@/]+@/, ':not-the-password@');
    const client = new MongoClient(wrong, { serverSelectionTimeoutMS: 3000 });
    await expect(client.connect().then(() => client.db('admin').command({ ping: 1 }))).rejects.toThrow(
      /auth/i,
    );
    await client.close();
  });
});

describe('S3 test server', () => {
  it('puts, gets, lists, uploads in several parts and deletes', async () => {
    const { s3 } = testEnv();
    const client = new S3Client({ ...s3.clientConfig });
    const prefix = `${uniqueName('smoke')}/`;
    try {
      await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: `${prefix}small`, Body: 'hello' }));
      const got = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: `${prefix}small` }));
      expect(await got.Body?.transformToString()).toBe('hello');

      const big = randomBytes(11 * 1024 * 1024);
      const partSize = 5 * 1024 * 1024;
      const target = { Bucket: s3.bucket, Key: `${prefix}big` };
      const { UploadId } = await client.send(new CreateMultipartUploadCommand(target));
      const parts: { ETag: string | undefined; PartNumber: number }[] = [];
      for (let at = 0; at < big.length; at += partSize) {
        const PartNumber = parts.length + 1;
        const Body = big.subarray(at, at + partSize);
        const { ETag } = await client.send(new UploadPartCommand({ ...target, UploadId, PartNumber, Body }));
        parts.push({ ETag, PartNumber });
      }
      expect(parts).toHaveLength(3);
      await client.send(
        new CompleteMultipartUploadCommand({ ...target, UploadId, MultipartUpload: { Parts: parts } }),
      );
      const back = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: `${prefix}big` }));
      expect(Buffer.from(await back.Body!.transformToByteArray()).equals(big)).toBe(true);

      const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }));
      expect(listed.Contents?.map((o) => o.Key).sort()).toEqual([`${prefix}big`, `${prefix}small`]);

      for (const key of ['small', 'big']) {
        await client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: `${prefix}${key}` }));
      }
      const after = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }));
      expect(after.KeyCount ?? 0).toBe(0);
    } finally {
      client.destroy();
    }
  });
});

describe('mongo-tools', () => {
  it('mongodump --archive of a small database restores with mongorestore --archive into another one', async () => {
    const { mongodbUri, mongoToolsBin } = testEnv();
    const source = uniqueName('dumpsrc');
    const target = uniqueName('dumpdst');
    const client = await new MongoClient(mongodbUri).connect();
    try {
      await client
        .db(source)
        .collection('orders')
        .insertMany(Array.from({ length: 250 }, (_, i) => ({ i, total: i * 1.5, tags: ['x', String(i)] })));
      await client
        .db(source)
        .collection('customers')
        .insertMany([{ name: 'Ada' }, { name: 'Linus' }]);
      const archive = join(process.env.TMPDIR ?? '/tmp', `${source}.archive`);
      await run(join(mongoToolsBin, 'mongodump'), [
        `--uri=${mongodbUri}`,
        `--db=${source}`,
        `--archive=${archive}`,
      ]);
      await run(join(mongoToolsBin, 'mongorestore'), [
        `--uri=${mongodbUri}`,
        `--archive=${archive}`,
        `--nsFrom=${source}.*`,
        `--nsTo=${target}.*`,
      ]);
      expect(await client.db(target).collection('orders').countDocuments()).toBe(250);
      expect(await client.db(target).collection('customers').countDocuments()).toBe(2);
    } finally {
      await client.db(source).dropDatabase();
      await client.db(target).dropDatabase();
      await client.close();
    }
  });
});
