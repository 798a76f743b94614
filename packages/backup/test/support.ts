import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryLogger } from '@shipkit/runtime';
import { Binary, Double, Int32, Long, type MongoClient, ObjectId, Timestamp } from 'mongodb';
import { testEnv, uniqueName } from '../../../test/support/env';

/**
 * A small shop with varied BSON types and several index kinds, in a database of its own. No Decimal128:
 * FerretDB 1.24 drops the connection on it (the shop seed probes each type; this stays minimal).
 */
export async function seedSmallShop(client: MongoClient, documents = 300): Promise<string> {
  const dbName = uniqueName('bk');
  const db = client.db(dbName);
  await db.collection('products').insertMany(
    Array.from({ length: documents }, (_, i) => ({
      _id: new ObjectId(i.toString(16).padStart(24, '0')),
      sku: `SKU-${String(i).padStart(5, '0')}`,
      title: `Product ${i}`,
      price: new Double(i * 1.25 + 0.5),
      stock: new Int32(i % 17),
      views: Long.fromNumber(i * 1_000_003),
      tags: ['shop', `t${i % 5}`],
      image: new Binary(Buffer.from([i % 256, 1, 2, 3])),
      embedding: Array.from({ length: 8 }, (_, j) => Math.sin(i + j)),
      updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
      seen: new Timestamp({ t: 1_700_000_000 + i, i: 1 }),
      discontinued: i % 11 === 0 ? null : false,
    })),
  );
  await db.collection('products').createIndex({ sku: 1 }, { unique: true, name: 'sku_unique' });
  await db.collection('products').createIndex({ tags: 1, price: -1 }, { name: 'tags_price' });
  await db.collection<{ _id: number }>('customers').insertMany(
    Array.from({ length: 40 }, (_, i) => ({
      _id: i,
      email: `c${i}@example.com`,
      address: { city: 'Lyon', zip: 69000 + i },
    })),
  );
  await db.collection('orders').insertMany(
    Array.from({ length: documents * 2 }, (_, i) => ({
      customer: i % 40,
      lines: [{ sku: `SKU-${String(i % documents).padStart(5, '0')}`, qty: 1 + (i % 3) }],
      total: i * 3.5,
      createdAt: new Date(Date.UTC(2026, 5, 1) + i * 1000),
    })),
  );
  await db.collection('orders').createIndex({ customer: 1, createdAt: -1 }, { name: 'customer_recent' });
  await db.collection<{ _id: string }>('emptyish').insertOne({ _id: 'only' });
  return dbName;
}

/** Incompressible 1 MiB documents, so a backup of them spans several 5 MiB upload parts. */
export async function addBlobs(client: MongoClient, dbName: string, mebibytes: number): Promise<void> {
  await client
    .db(dbName)
    .collection<{ _id: number }>('blobs')
    .insertMany(
      Array.from({ length: mebibytes }, (_, i) => ({ _id: i, data: new Binary(randomBytes(2 ** 20 - 64)) })),
    );
}

export async function fileDestination(): Promise<string> {
  return `file://${await mkdtemp(join(tmpdir(), 'shipkit-backups-'))}`;
}

export function s3Destination(): string {
  return `s3://${testEnv().s3.bucket}/${uniqueName('backups')}`;
}

export function s3Options() {
  const { s3 } = testEnv();
  return {
    endpoint: s3.endpoint,
    region: s3.region,
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  };
}

export function logger(): MemoryLogger {
  return new MemoryLogger();
}
