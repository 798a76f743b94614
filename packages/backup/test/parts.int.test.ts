// A backup in parts against the real servers: plan → parts in a shuffled order → finalize, then
// what the catalogue and the stock tools make of it, and what finalize refuses.

import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { probeServer } from '@shipkit/mongo';
import { openStorage, type Storage } from '@shipkit/storage';
import { type Document, MongoClient } from 'mongodb';
import { testEnv, uniqueName } from '../../../test/support/env';
import { type CompatProxy, startCompatProxy } from '../../../test/support/mongo-compat-proxy';
import {
  findBackup,
  listBackups,
  MANIFEST_NAME,
  PLAN_NAME,
  partArchiveName,
  partRecordName,
  readManifest,
  readPlan,
  runBackup,
  runFinalize,
  runPart,
  runPlan,
} from '../src';
import { fileDestination, logger, s3Destination, s3Options, seedSmallShop } from './support';

const sh = promisify(execFile);
let client: MongoClient;
let source: string;
let restoreUri: string;
let proxy: CompatProxy | undefined;
const PARTS = 3;
const EVENTS = 6000;

beforeAll(async () => {
  client = await new MongoClient(testEnv().mongodbUri).connect();
  source = await seedSmallShop(client);
  // One collection far larger than the rest: a balanced split must cut it across parts. It has one
  // secondary index: stock mongorestore then creates it once per part that holds the collection,
  // which MongoDB answers with "all indexes already exist" (FerretDB 1.24 drops the connection when
  // a createIndexes of several indexes finds them all there, hence one).
  await client
    .db(source)
    .collection<{ _id: number }>('events')
    .insertMany(
      Array.from({ length: EVENTS }, (_, i) => ({
        _id: i,
        kind: `event-${i % 7}`,
        payload: randomBytes(300).toString('base64'),
      })),
    );
  await client.db(source).collection('events').createIndex({ kind: 1 }, { name: 'kind' });
  if ((await probeServer(client)).flavor === 'ferretdb') proxy = await startCompatProxy(testEnv().mongodbUri);
  restoreUri = proxy?.uri ?? testEnv().mongodbUri;
});

afterAll(async () => {
  await proxy?.close();
  await client.db(source).dropDatabase();
  await client.close();
});

function shuffled(n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i + 1);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

async function planned(destination: string, storage?: Storage) {
  const deps = { logger: logger(), ...(storage ? { storage } : {}) };
  const base = { uri: testEnv().mongodbUri, destination, ...(storage ? {} : { storage: s3Options() }) };
  const plan = await runPlan({ ...base, parts: PARTS, include: [source] }, deps);
  const parts = async (order: number[]) => {
    for (const part of order) await runPart({ ...base, backupId: plan.backupId, part }, deps);
  };
  const finalize = () => runFinalize({ destination, backupId: plan.backupId, storage: s3Options() }, deps);
  return { plan, parts, finalize };
}

async function objectsOf(storage: Storage, prefix: string): Promise<Map<string, string>> {
  const objects = new Map<string, string>();
  for await (const object of storage.list(prefix)) {
    objects.set(
      object.key,
      createHash('sha256')
        .update(await buffer(await storage.get(object.key)))
        .digest('hex'),
    );
  }
  return objects;
}

async function rawDocuments(db: string, collection: string): Promise<Buffer[]> {
  return (await client
    .db(db)
    .collection(collection)
    .find({}, { raw: true, sort: { _id: 1 } })
    .toArray()) as unknown as Buffer[];
}

function indexSpecs(indexes: Document[]): Document[] {
  return indexes
    .map(({ v: _v, ns: _ns, ...spec }) => spec)
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
}

describe('a backup in parts', () => {
  let storage: Storage;
  let destination: string;
  let backupId: string;

  beforeAll(async () => {
    destination = s3Destination();
    storage = openStorage(destination, { s3: s3Options(), logger: logger() });
    const { plan, parts, finalize } = await planned(destination);
    backupId = plan.backupId;
    await parts(shuffled(PARTS));
    await finalize();
  });

  afterAll(async () => {
    await storage.close();
  });

  it('balances the parts and cuts the large collection across them', async () => {
    const plan = await readPlan(storage, backupId);
    expect(plan.parts).toHaveLength(PARTS);
    const manifest = await readManifest(storage, backupId);
    const stored = manifest.parts?.archives ?? [];
    expect(stored.map((p) => p.part)).toEqual([1, 2, 3]);
    const total = stored.reduce((sum, p) => sum + p.size, 0);
    for (const part of stored) expect(part.size / total).toBeGreaterThan(0.1);
    const holdingEvents = stored.filter((p) => p.namespaces.some((ns) => ns.collection === 'events'));
    expect(holdingEvents.length).toBeGreaterThan(1);
    const events = manifest.namespaces.find((ns) => ns.collection === 'events');
    expect(events?.count).toBe(EVENTS);
    expect(manifest.totals.documents).toBe(300 + 40 + 600 + 1 + EVENTS);
    // The backup says honestly what it is: when it was planned, and when each part read.
    expect(manifest.startedAt).toBe(plan.plannedAt);
    for (const part of stored) expect(part.startedAt >= plan.plannedAt).toBe(true);
  });

  it('stores no credential: not in the plan, the part records, the archives or the manifest', async () => {
    const password = decodeURIComponent(new URL(testEnv().mongodbUri).password);
    const host = new URL(testEnv().mongodbUri).host;
    expect(password.length).toBeGreaterThan(3);
    for await (const object of storage.list(`${backupId}/`)) {
      const text = (await buffer(await storage.get(object.key))).toString('latin1');
      expect({ key: object.key, password: text.includes(password), host: text.includes(host) }).toEqual({
        key: object.key,
        password: false,
        host: false,
      });
    }
  });

  it('counts as a complete backup in the catalogue', async () => {
    const [entry] = await listBackups(storage);
    expect(entry?.id).toBe(backupId);
    expect(entry?.state).toBe('complete');
    expect(entry?.damage).toEqual([]);
  });

  it('stock mongorestore restores the parts one after another, byte for byte', async () => {
    const { mongoToolsBin } = testEnv();
    const manifest = await readManifest(storage, backupId);
    const target = uniqueName('parts');
    const folder = await fileDestination();
    try {
      for (const part of manifest.parts?.archives ?? []) {
        const file = join(fileURLToPath(folder), part.key);
        await writeFile(file, await buffer(await storage.get(`${backupId}/${part.key}`)));
        await sh(
          'bash',
          [
            '-o',
            'pipefail',
            '-c',
            'zstd -dc "$ARCHIVE" | mongorestore --archive --uri="$URI" --nsFrom="$FROM" --nsTo="$TO"',
          ],
          {
            env: {
              PATH: `${mongoToolsBin}:${process.env.PATH}`,
              ARCHIVE: file,
              URI: restoreUri,
              FROM: `${source}.*`,
              TO: `${target}.*`,
            },
          },
        );
      }
      const collections = (await client.db(source).listCollections().toArray()).map((c) => c.name).sort();
      expect((await client.db(target).listCollections().toArray()).map((c) => c.name).sort()).toEqual(
        collections,
      );
      for (const name of collections) {
        const [ours, theirs] = [await rawDocuments(source, name), await rawDocuments(target, name)];
        expect(theirs.length).toBe(ours.length);
        for (const [i, doc] of theirs.entries()) expect(doc.equals(ours[i] as Buffer)).toBe(true);
        expect(indexSpecs(await client.db(target).collection(name).indexes())).toEqual(
          indexSpecs(await client.db(source).collection(name).indexes()),
        );
      }
    } finally {
      await client.db(target).dropDatabase();
      await rm(fileURLToPath(folder), { recursive: true, force: true });
    }
  });

  it('a part record changed after finalize makes the backup damaged', async () => {
    const copy = await fileDestination();
    const copyStorage = openStorage(copy, { logger: logger() });
    try {
      for (const [key] of await objectsOf(storage, `${backupId}/`)) {
        await copyStorage.put(key, await buffer(await storage.get(key)));
      }
      expect((await findBackup(copyStorage, backupId))?.state).toBe('complete');
      const recordFile = join(fileURLToPath(copy), backupId, partRecordName(2));
      const record = JSON.parse(await readFile(recordFile, 'utf8'));
      record.finishedAt = new Date(0).toISOString();
      await writeFile(recordFile, JSON.stringify(record, null, 2));
      const entry = await findBackup(copyStorage, backupId);
      expect(entry?.state).toBe('damaged');
      expect(entry?.damage).toEqual([
        `part 2's record ${partRecordName(2)} changed after manifest.json was written`,
      ]);
    } finally {
      await copyStorage.close();
      await rm(fileURLToPath(copy), { recursive: true, force: true });
    }
  });
});

describe('finalize refuses a backup whose parts do not hold up', () => {
  it('a missing part: fails naming it, writes no manifest', async () => {
    const destination = await fileDestination();
    const storage = openStorage(destination, { logger: logger() });
    const { plan, parts, finalize } = await planned(destination, storage);
    await parts([3, 1]);
    await expect(finalize()).rejects.toThrow(
      `Backup ${plan.backupId} cannot be finalized; no manifest was written. part 2: its record ${partRecordName(2)} is missing (the part never finished).`,
    );
    expect(await storage.head(`${plan.backupId}/${MANIFEST_NAME}`)).toBeUndefined();
    expect((await findBackup(storage, plan.backupId))?.state).toBe('incomplete');
  });

  it('a part whose archive was altered (same size): fails naming it, writes no manifest', async () => {
    const destination = await fileDestination();
    const storage = openStorage(destination, { logger: logger() });
    const { plan, parts, finalize } = await planned(destination, storage);
    await parts([2, 3, 1]);
    const file = join(fileURLToPath(destination), plan.backupId, partArchiveName(2, 'zstd', false));
    const bytes = await readFile(file);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] as number) ^ 0x01;
    await writeFile(file, bytes);
    await expect(finalize()).rejects.toThrow(
      new RegExp(
        `part 2: its archive ${partArchiveName(2, 'zstd', false).replace(/\./g, '\\.')} has SHA-256 [0-9a-f]{64}, its record says [0-9a-f]{64} \\(changed after it was written\\)`,
      ),
    );
    expect(await storage.head(`${plan.backupId}/${MANIFEST_NAME}`)).toBeUndefined();
  });

  it('a re-run part replaces only its own objects, and the backup then finalizes', async () => {
    const destination = await fileDestination();
    const storage = openStorage(destination, { logger: logger() });
    const { plan, parts, finalize } = await planned(destination, storage);
    await parts([1, 2, 3]);
    const before = await objectsOf(storage, `${plan.backupId}/`);
    await parts([2]);
    const after = await objectsOf(storage, `${plan.backupId}/`);
    const own = new Set(
      [partArchiveName(2, 'zstd', false), partRecordName(2)].map((n) => `${plan.backupId}/${n}`),
    );
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [key, sha] of before) if (!own.has(key)) expect(after.get(key)).toBe(sha);
    expect(before.has(`${plan.backupId}/${PLAN_NAME}`)).toBe(true);
    const { manifest } = await finalize();
    expect(manifest.parts?.archives).toHaveLength(PARTS);
    // Once finalized, a part can no longer be rewritten.
    await expect(parts([1])).rejects.toThrow(`Backup ${plan.backupId} is already finalized`);
  });

  it('a one-part backup keeps its layout: one archive, format version 1', async () => {
    const destination = await fileDestination();
    const result = await runBackup(
      { uri: testEnv().mongodbUri, destination, include: [source] },
      { logger: logger() },
    );
    expect(result.manifest.formatVersion).toBe(1);
    expect(result.manifest.parts).toBeUndefined();
    expect(result.manifest.archive.key).toBe('archive.mongodump.zst');
  });
});
