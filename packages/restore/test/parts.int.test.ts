// Our verify and restore read a backup in parts like any other: one part after another or several
// at once, a namespace split over parts staged into one collection and swapped once, after every
// part's proof.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { findBackup, partArchiveName, runFinalize, runPart, runPlan } from '@shipkit/backup';
import { probeServer } from '@shipkit/mongo';
import { MemoryLogger } from '@shipkit/runtime';
import type { Storage } from '@shipkit/storage';
import { locateBackup, verifyBackup } from '@shipkit/verify';
import { MongoClient } from 'mongodb';
import { testEnv, uniqueName } from '../../../test/support/env';
import { type CompatProxy, startCompatProxy } from '../../../test/support/mongo-compat-proxy';
import { seedSmallShop } from '../../backup/test/support';
import { fileStorage, rawDocuments } from '../../verify/test/support';
import { restoreBackup } from '../src';

jest.setTimeout(180_000);

let client: MongoClient;
let shop: string;
let dir: string;
let proxy: CompatProxy | undefined;
const sh = promisify(execFile);
const dropAfter: string[] = [];

beforeAll(async () => {
  client = await new MongoClient(testEnv().mongodbUri).connect();
  shop = await seedSmallShop(client);
  dropAfter.push(shop);
  await client
    .db(shop)
    .collection<{ _id: number }>('events')
    .insertMany(
      Array.from({ length: 4000 }, (_, i) => ({ _id: i, payload: randomBytes(300).toString('base64') })),
    );
  dir = await mkdtemp(join(tmpdir(), 'restore-parts-'));
  // Stock mongorestore needs the proxy's compatibility answers on FerretDB (see backup's parts test).
  if ((await probeServer(client)).flavor === 'ferretdb') proxy = await startCompatProxy(testEnv().mongodbUri);
});

afterAll(async () => {
  await proxy?.close();
  for (const db of dropAfter) await client.db(db).dropDatabase();
  await client.close();
  await rm(dir, { recursive: true, force: true });
});

/** A backup of the shop in three parts, written in the order 3, 1, 2, in a folder of its own. */
async function backupInParts() {
  const folder = await mkdtemp(join(dir, 'backups-'));
  const storage = fileStorage(folder);
  const deps = { logger: new MemoryLogger(), storage };
  const base = { uri: testEnv().mongodbUri, destination: `file://${folder}` };
  const { backupId } = await runPlan({ ...base, parts: 3, include: [shop] }, deps);
  for (const part of [3, 1, 2]) await runPart({ ...base, backupId, part }, deps);
  const { manifest } = await runFinalize({ destination: base.destination, backupId }, deps);
  const source = await locateBackup({ source: `file://${folder}`, backup: 'latest' }, () => storage);
  return { folder, storage, backupId, manifest, source };
}

async function expectSameData(target: string): Promise<void> {
  for (const collection of ['products', 'customers', 'orders', 'emptyish', 'events']) {
    expect(await rawDocuments(client, target, collection)).toEqual(
      await rawDocuments(client, shop, collection),
    );
  }
}

/** The storage, counting how many objects were opened before the first one was read to its end. */
function countingReads(storage: Storage) {
  let opened = 0;
  let beforeFirstEnd: number | undefined;
  const counting = new Proxy(storage, {
    get(target, property, receiver) {
      if (property !== 'get') return Reflect.get(target, property, receiver);
      return async (key: string) => {
        const stream = await target.get(key);
        opened += 1;
        stream.once('end', () => {
          beforeFirstEnd ??= opened;
        });
        return stream;
      };
    },
  });
  return { storage: counting, openedBeforeFirstEnd: () => beforeFirstEnd };
}

const COLLECTIONS = ['products', 'customers', 'orders', 'emptyish', 'events'];

/** Every collection of `db`, as raw BSON in _id order. */
async function snapshot(db: string): Promise<Buffer[][]> {
  return Promise.all(COLLECTIONS.map((collection) => rawDocuments(client, db, collection)));
}

/** Stock mongorestore, the parts one after another (docs/RECOVERY.md), into `target`. */
async function stockRestore(folder: string, backupId: string, keys: string[], target: string): Promise<void> {
  for (const key of keys) {
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
          PATH: `${testEnv().mongoToolsBin}:${process.env.PATH}`,
          ARCHIVE: join(folder, backupId, key),
          URI: proxy?.uri ?? testEnv().mongodbUri,
          FROM: `${shop}.*`,
          TO: `${target}.*`,
        },
      },
    );
  }
}

describe('a backup in parts', () => {
  it('passes integrity and full verification, and the catalogue then counts it verified', async () => {
    const { storage, backupId, manifest, source } = await backupInParts();
    expect(
      manifest.parts?.archives.filter((p) => p.namespaces.some((ns) => ns.collection === 'events')).length,
    ).toBeGreaterThan(1);
    const integrity = await verifyBackup(source, { mode: 'integrity' });
    expect(integrity.problems).toEqual([]);
    expect(integrity.result).toBe('passed');
    expect(integrity.archive.sha256.state).toBe('passed');
    const full = await verifyBackup(source, { mode: 'full' }, { scratch: client });
    expect(full.problems).toEqual([]);
    expect(full.result).toBe('passed');
    expect((await findBackup(storage, backupId))?.state).toBe('verified');
  });

  it('restores byte for byte, the split collection staged whole and swapped once', async () => {
    const { source } = await backupInParts();
    const target = uniqueName('partsrestore');
    dropAfter.push(target);
    // The target already holds an older events collection: --drop replaces it only once all parts are proven.
    await client
      .db(target)
      .collection('events')
      .insertOne({ _id: 'old' } as never);
    const report = await restoreBackup(
      source,
      { renames: [{ from: shop, to: target }], drop: true, record: false },
      client,
    );
    expect(report.problems).toEqual([]);
    expect(report.result).toBe('passed');
    await expectSameData(target);
  });

  it('a part changed after the backup fails verification, naming the part, and a restore leaves the target alone', async () => {
    const { folder, backupId, source } = await backupInParts();
    const file = join(folder, backupId, partArchiveName(2, 'zstd', false));
    const bytes = await readFile(file);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] as number) ^ 0x01;
    await writeFile(file, bytes);
    const report = await verifyBackup(source, { mode: 'integrity', record: false });
    expect(report.result).toBe('failed');
    expect(report.problems[0]).toMatch(
      new RegExp(
        `do not match the manifest: part 2 \\(${partArchiveName(2, 'zstd', false).replace(/\./g, '\\.')}\\) changed or damaged`,
      ),
    );
    const target = uniqueName('partsuntouched');
    dropAfter.push(target);
    await client
      .db(target)
      .collection('events')
      .insertOne({ _id: 'keep' } as never);
    await restoreBackup(
      source,
      { renames: [{ from: shop, to: target }], drop: true, record: false },
      client,
    ).catch(() => undefined);
    expect(await client.db(target).collection('events').find().toArray()).toEqual([{ _id: 'keep' }]);
  });

  it('restores the same bytes with one part at a time and with three at once, as stock mongorestore does', async () => {
    const { folder, backupId, manifest, source } = await backupInParts();
    const [one, three, stock] = ['partsone', 'partsthree', 'partsstock'].map(uniqueName);
    dropAfter.push(one as string, three as string, stock as string);
    for (const [target, parallelParts] of [
      [one as string, 1],
      [three as string, 3],
    ] as const) {
      const reads = countingReads(source.storage);
      const report = await restoreBackup(
        { ...source, storage: reads.storage },
        { renames: [{ from: shop, to: target }], record: false, parallelParts },
        client,
      );
      // The parts in flight together: all three opened before the first was read to its end, or one by one.
      expect(reads.openedBeforeFirstEnd()).toBe(parallelParts);
      expect(report.problems).toEqual([]);
      expect(report.result).toBe('passed');
      // Counts summed over the parts holding each namespace, as the manifest lists them.
      const events = report.namespaces.find((row) => row.namespace === `${shop}.events`);
      expect(events?.archive?.documents).toBe(4000);
    }
    await stockRestore(folder, backupId, manifest.parts?.archives.map((a) => a.key) ?? [], stock as string);
    const expected = await snapshot(shop);
    expect(expected[4]).toHaveLength(4000);
    for (const target of [one, three, stock]) {
      const got = await snapshot(target as string);
      for (const [c, docs] of got.entries()) {
        const want = expected[c] as Buffer[];
        expect(docs.length).toBe(want.length);
        for (const [i, doc] of docs.entries()) expect(doc.equals(want[i] as Buffer)).toBe(true);
      }
    }
  });

  it('with parts read at once, a damaged part leaves the target as it was and is named', async () => {
    const { folder, backupId, source } = await backupInParts();
    const key = partArchiveName(2, 'zstd', false);
    const file = join(folder, backupId, key);
    const bytes = await readFile(file);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] as number) ^ 0x01;
    await writeFile(file, bytes);
    const target = uniqueName('partsdamaged');
    dropAfter.push(target);
    await client
      .db(target)
      .collection('events')
      .insertOne({ _id: 'keep' } as never);
    const report = await restoreBackup(
      source,
      { renames: [{ from: shop, to: target }], drop: true, record: false, parallelParts: 3 },
      client,
    );
    expect(report.result).toBe('failed');
    expect(report.problems[0]).toContain(`part 2 (${key}) changed or damaged`);
    expect(await client.db(target).collection('events').find().toArray()).toEqual([{ _id: 'keep' }]);
    const left = (await client.db(target).listCollections().toArray()).map((c) => c.name);
    expect(left).toEqual(['events']);
  });

  it('with parts read at once, integrity verification combines every CRC as the manifest does', async () => {
    const { source } = await backupInParts();
    const report = await verifyBackup(source, { mode: 'integrity', record: false, parallelParts: 3 });
    expect(report.problems).toEqual([]);
    expect(report.result).toBe('passed');
    const events = report.namespaces.find((row) => row.namespace === `${shop}.events`);
    expect(events?.archive?.documents).toBe(4000);
  });

  it('a part missing when its turn comes fails the restore, naming it, and leaves the target alone', async () => {
    const { folder, backupId, source } = await backupInParts();
    const key = partArchiveName(3, 'zstd', false);
    await rm(join(folder, backupId, key));
    const target = uniqueName('partsmissing');
    dropAfter.push(target);
    await client
      .db(target)
      .collection('events')
      .insertOne({ _id: 'keep' } as never);
    const failed = await restoreBackup(
      source,
      // Two at once: part 3 is opened once part 1 or 2 is read, when documents were already staged.
      { renames: [{ from: shop, to: target }], drop: true, record: false, parallelParts: 2 },
      client,
    ).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(failed?.message).toContain(key);
    expect(failed?.message).toContain(`${target}.events: left as it was`);
    expect(await client.db(target).collection('events').find().toArray()).toEqual([{ _id: 'keep' }]);
    expect((await client.db(target).listCollections().toArray()).map((c) => c.name)).toEqual(['events']);
  });
});
