// Shared by the verify tests: seeded data, stock mongodump archives, and backup folders built from
// an archive with the manifest computed from its content (as the backup pipeline writes it).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { promisify } from 'node:util';
import { readArchive } from '@shipkit/archive';
import {
  archiveName,
  backupKeys,
  type Compression,
  compressStream,
  encryptStream,
  type Manifest,
  manifestSchema,
  newBackupId,
  TOOL,
} from '@shipkit/backup';
import { ContentHash } from '@shipkit/mongo';
import { FileStorage, type Storage } from '@shipkit/storage';
import { BSON, type Document, Long, type MongoClient, ObjectId, Timestamp } from 'mongodb';

const run = promisify(execFile);

type AnyDocument = { _id: unknown; [field: string]: unknown };

/** A small shop: customers, products with a unique index, orders with a compound index, a capped log. */
export async function seedShop(client: MongoClient, db: string, orders = 600): Promise<void> {
  const shop = client.db(db);
  await shop.collection('customers').insertMany(
    Array.from({ length: 40 }, (_, i) => ({
      _id: new ObjectId(i.toString(16).padStart(24, '0')),
      name: `Customer ${i}`,
      email: `c${i}@example.test`,
      since: new Date(Date.UTC(2024, i % 12, 1 + (i % 27))),
    })),
  );
  await shop.collection<AnyDocument>('products').insertMany(
    Array.from({ length: 25 }, (_, i) => ({
      _id: i + 1,
      sku: `SKU-${String(i).padStart(4, '0')}`,
      title: `Product ${i} — ${'é'.repeat(i % 3)}`,
      price: 10 + i + 0.99,
      stock: Long.fromNumber(1000 + i),
      tags: ['lamp', i % 2 ? 'desk' : 'floor'],
    })),
  );
  await shop.collection('products').createIndex({ sku: 1 }, { unique: true, name: 'sku_unique' });
  await shop.collection<AnyDocument>('orders').insertMany(
    Array.from({ length: orders }, (_, i) => ({
      _id: i,
      customer: new ObjectId((i % 40).toString(16).padStart(24, '0')),
      lines: [{ product: (i % 25) + 1, quantity: (i % 4) + 1 }],
      total: (i % 97) * 1.25,
      at: new Timestamp({ t: 1_700_000_000 + i, i: 1 }),
      note: i % 10 === 0 ? null : `order ${i}`,
    })),
  );
  await shop.collection('orders').createIndex({ customer: 1, total: -1 }, { name: 'customer_total' });
  await shop.createCollection('events', { capped: true, size: 1 << 20, max: 1000 });
  await shop
    .collection('events')
    .insertMany(Array.from({ length: 30 }, (_, i) => ({ seq: i, kind: 'visit' })));
}

export async function withTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'verify-test-'));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `mongodump --archive` of one database, as the stock tool writes it (plain or --gzip). */
export async function stockDump(
  toolsBin: string,
  uri: string,
  db: string,
  file: string,
  gzip = false,
): Promise<Buffer> {
  await run(join(toolsBin, 'mongodump'), [
    `--uri=${uri}`,
    `--db=${db}`,
    `--archive=${file}`,
    ...(gzip ? ['--gzip'] : []),
  ]);
  return readFile(file);
}

export interface BuiltBackup {
  id: string;
  manifest: Manifest;
  /** Key of the archive object in the storage. */
  archiveKey: string;
  stored: Buffer;
}

/**
 * Stores a plain archive as a backup folder: compressed and encrypted as asked, with the manifest
 * (counts, CRCs, content hashes, options and indexes per namespace, SHA-256 of the stored object).
 */
export async function storeBackup(
  storage: Storage,
  archive: Buffer,
  options: { compression?: Compression; recipients?: string[]; at?: Date; edit?: (m: Manifest) => void } = {},
): Promise<BuiltBackup> {
  const compression = options.compression ?? 'zstd';
  const recipients = options.recipients ?? [];
  const at = options.at ?? new Date();
  const id = newBackupId(at);
  let stream: Readable = Readable.from([archive]).pipe(compressStream(compression));
  if (recipients.length > 0) stream = await encryptStream(stream, recipients);
  const stored = await buffer(stream);
  const name = archiveName(compression, recipients.length > 0);
  const keys = backupKeys(id, name);
  await storage.put(keys.archive, stored);
  const namespaces = await manifestNamespaces(archive);
  const manifest: Manifest = manifestSchema.parse({
    formatVersion: 1,
    backupId: id,
    startedAt: at.toISOString(),
    finishedAt: at.toISOString(),
    tool: TOOL,
    source: {
      serverVersion: '7.0.0',
      topology: 'standalone',
      databases: [...new Set(namespaces.map((n) => n.db))],
    },
    settings: { include: [], exclude: [], compression, parallelism: 4 },
    archive: {
      key: name,
      format: 'mongodump-archive',
      compression,
      recipients,
      size: stored.length,
      sha256: createHash('sha256').update(stored).digest('hex'),
    },
    totals: {
      namespaces: namespaces.length,
      documents: namespaces.reduce((t, n) => t + n.count, 0),
      bytes: namespaces.reduce((t, n) => t + n.bytes, 0),
    },
    namespaces,
  });
  options.edit?.(manifest);
  await storage.put(keys.manifest, Buffer.from(JSON.stringify(manifest, null, 2)));
  return { id, manifest, archiveKey: keys.archive, stored };
}

async function manifestNamespaces(archive: Buffer): Promise<Manifest['namespaces']> {
  const entries = new Map<string, Manifest['namespaces'][number]>();
  const hashes = new Map<string, ContentHash>();
  for await (const event of readArchive([archive])) {
    if (event.type === 'prelude') {
      for (const ns of event.namespaces) {
        const metadata = JSON.parse(ns.rawMetadata) as Document;
        entries.set(`${ns.db}.${ns.collection}`, {
          db: ns.db,
          collection: ns.collection,
          type: ns.type,
          count: 0,
          bytes: 0,
          crc: '0'.repeat(16),
          contentHash: '0'.repeat(64),
          options: metadata.options ?? {},
          indexes: metadata.indexes ?? [],
          ...(metadata.uuid ? { uuid: metadata.uuid } : {}),
        });
        hashes.set(`${ns.db}.${ns.collection}`, new ContentHash());
      }
    } else if (event.type === 'documents') {
      const name = `${event.ns.db}.${event.ns.collection}`;
      const entry = entries.get(name);
      if (!entry) continue;
      for (const doc of event.docs) {
        hashes.get(name)?.add(doc);
        entry.bytes += doc.length;
      }
      entry.count += event.docs.length;
    } else if (event.type === 'eof') {
      const entry = entries.get(`${event.ns.db}.${event.ns.collection}`);
      if (entry) entry.crc = event.crc.toString(16).padStart(16, '0');
    }
  }
  for (const [name, entry] of entries) entry.contentHash = hashes.get(name)?.hex() ?? entry.contentHash;
  return [...entries.values()];
}

/** A folder storage in a fresh temporary directory. */
export function fileStorage(dir: string): FileStorage {
  return new FileStorage({ kind: 'file', root: dir });
}

/** Raw documents of a collection, to compare byte for byte. */
export async function rawDocuments(client: MongoClient, db: string, collection: string): Promise<Buffer[]> {
  const docs = await client.db(db).collection(collection).find({}, { raw: true }).toArray();
  return (docs as unknown as Buffer[]).map((d) => Buffer.from(d)).sort(Buffer.compare);
}

export { BSON };
