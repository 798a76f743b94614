// The disaster-recovery restore against the real servers: into renamed namespaces, from stock
// archives, over a live target (staged, swapped only once proven), and what it records.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { findBackup, type Manifest, newBackupId, runBackup } from '@shipkit/backup';
import { MemoryLogger, UserError } from '@shipkit/runtime';
import { type SeedReport, seedShop } from '@shipkit/shop-seed';
import { openStorage, type Storage } from '@shipkit/storage';
import { type BackupSource, failureMessage, locateBackup, verifyBackup } from '@shipkit/verify';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { MongoClient } from 'mongodb';
import { testEnv, uniqueName } from '../../../test/support/env';
import { fileStorage, rawDocuments, stockDump, storeBackup } from '../../verify/test/support';
import { restoreBackup, runRestore } from '../src';

jest.setTimeout(180_000);

let client: MongoClient;
let shop: string;
let seeded: SeedReport;
let dir: string;
const dropAfter: string[] = [];

function s3Storage(prefix: string): Storage {
  const { s3 } = testEnv();
  return openStorage(`s3://${s3.bucket}/${prefix}`, {
    s3: { endpoint: s3.endpoint, region: s3.region, forcePathStyle: true, credentials: s3 },
  });
}

const openAny = (url: string) => {
  if (url.startsWith('s3://')) return s3Storage(url.slice(`s3://${testEnv().s3.bucket}/`.length));
  return openStorage(url);
};

beforeAll(async () => {
  client = await new MongoClient(testEnv().mongodbUri).connect();
  shop = uniqueName('shop');
  dropAfter.push(shop);
  seeded = await seedShop(client.db(shop), { scale: 0.05, seed: 'restore' });
  dir = await mkdtemp(join(tmpdir(), 'restore-int-'));
});

afterAll(async () => {
  for (const db of dropAfter) await client.db(db).dropDatabase();
  await client.close();
  await rm(dir, { recursive: true, force: true });
});

/** A backup folder in a fresh local folder, from a stock dump of the shop plus a computed manifest. */
async function localBackup(options: Parameters<typeof storeBackup>[2] = {}) {
  const folder = await mkdtemp(join(dir, 'backups-'));
  const storage = fileStorage(folder);
  const archive = await stockDump(
    testEnv().mongoToolsBin,
    testEnv().mongodbUri,
    shop,
    join(folder, '..', `${uniqueName('a')}.archive`),
  );
  const built = await storeBackup(storage, archive, options);
  const source = await locateBackup({ source: `file://${folder}`, backup: built.id }, openAny);
  return { folder, storage, built, source, archive };
}

const problemsOf = (report: { problems: string[] }) => report.problems.join('\n');
const seededDocuments = () => Object.values(seeded.counts).reduce((sum, n) => sum + n, 0);

describe('restore of a backup made by runBackup', () => {
  let identity: string;
  let source: BackupSource;

  beforeAll(async () => {
    identity = await generateIdentity();
    const recipient = await identityToRecipient(identity);
    const prefix = uniqueName('restore');
    const { s3 } = testEnv();
    await runBackup(
      {
        uri: testEnv().mongodbUri,
        destination: `s3://${s3.bucket}/${prefix}`,
        include: [shop],
        recipients: [recipient],
        storage: { endpoint: s3.endpoint, region: s3.region, forcePathStyle: true, credentials: s3 },
      },
      { logger: new MemoryLogger() },
    );
    source = await locateBackup({ source: `s3://${s3.bucket}/${prefix}`, backup: 'latest' }, openAny);
  });

  it('restores under renamed namespaces and checks the restored data against the manifest', async () => {
    const drill = uniqueName('drill');
    dropAfter.push(drill);
    const report = await restoreBackup(
      source,
      { identity, renames: [{ from: `${shop}.*`, to: `${drill}.*` }], record: false },
      client,
    );
    expect(report.problems).toEqual([]);
    expect(report.mode).toBe('restore');
    expect(report.target).toEqual({
      databases: [drill],
      removed: false,
      namespaces: Object.keys(seeded.counts)
        .sort()
        .map((collection) => ({ namespace: `${drill}.${collection}`, state: 'restored' })),
    });
    for (const collection of Object.keys(seeded.counts)) {
      expect(await rawDocuments(client, drill, collection)).toEqual(
        await rawDocuments(client, shop, collection),
      );
    }
  });
});

describe('archives written by stock mongodump', () => {
  it('restores a --gzip archive file under a new name', async () => {
    const file = join(dir, `${uniqueName('stock')}.archive.gz`);
    await stockDump(testEnv().mongoToolsBin, testEnv().mongodbUri, shop, file, true);
    const source = await locateBackup({ backup: `file://${file}` }, openAny);
    const drill = uniqueName('drill');
    dropAfter.push(drill);
    const report = await restoreBackup(source, { renames: [{ from: shop, to: drill }] }, client);
    expect(report.problems).toEqual([]);
    expect(report.totals.restoredDocuments).toBe(seededDocuments());
    expect(await rawDocuments(client, drill, 'orders')).toEqual(await rawDocuments(client, shop, 'orders'));
  });
});

describe('verification records and the catalogue', () => {
  it('keeps the full verification when a one-collection restore follows; the restore counts only its own', async () => {
    const { storage, built, source } = await localBackup();
    const full = await verifyBackup(source, { mode: 'full' }, { scratch: client });
    expect(full.result).toBe('passed');
    const drill = uniqueName('partial');
    dropAfter.push(drill);
    const partial = await restoreBackup(
      source,
      { include: [`${shop}.orders`], renames: [{ from: `${shop}.orders`, to: `${drill}.orders` }] },
      client,
    );
    expect(partial.problems).toEqual([]);
    expect(partial.recorded).toBe(storage.describe(`${built.id}/verification.restore.partial.json`));

    const entry = await findBackup(storage, built.id);
    expect(entry).toMatchObject({
      state: 'verified',
      verification: { name: 'verification.full.json', mode: 'full', scope: 'all', counts: true },
    });
    expect(entry?.verifications.find((v) => v.mode === 'restore')).toMatchObject({
      scope: 'partial',
      namespaces: 1,
      documents: seeded.counts.orders,
      counts: false,
    });
  });

  it('refuses to restore a backup the catalogue finds damaged', async () => {
    const { folder, built } = await localBackup();
    const renamed = newBackupId(new Date(Date.now() - 3_600_000));
    await cp(join(folder, built.id), join(folder, renamed), { recursive: true });
    const restore = runRestore(
      {
        location: { source: `file://${folder}`, backup: renamed },
        targetUri: testEnv().mongodbUri,
        renames: [],
        include: [],
        exclude: [],
        drop: false,
        parallelism: 2,
        timeoutMs: 60_000,
        storage: {},
      },
      { logger: new MemoryLogger() },
    );
    await expect(restore).rejects.toThrow(
      `Backup ${renamed} is damaged (manifest.json names backup ${built.id}, not its folder ${renamed}): it is not restored.`,
    );
  });
});

describe('restore over a live target: staged, swapped only once proven', () => {
  /** A live database restored from the backup, then changed, with a snapshot of what it holds. */
  async function liveTarget(source: BackupSource) {
    const live = uniqueName('live');
    dropAfter.push(live);
    const report = await restoreBackup(
      source,
      { renames: [{ from: shop, to: live }], record: false },
      client,
    );
    expect(report.problems).toEqual([]);
    await client.db(live).collection('orders').deleteMany({}, {});
    await client
      .db(live)
      .collection<{ _id: string }>('orders')
      .insertOne({ _id: 'written after the backup' });
    return { live, before: await snapshot(live) };
  }

  async function snapshot(db: string): Promise<Record<string, Buffer[]>> {
    const listed = await client.db(db).listCollections({}, { nameOnly: true }).toArray();
    const result: Record<string, Buffer[]> = {};
    for (const { name } of listed) result[name] = await rawDocuments(client, db, name);
    return result;
  }

  it('replaces the target exactly, and leaves no staging behind', async () => {
    const { source } = await localBackup();
    const { live } = await liveTarget(source);
    const report = await restoreBackup(
      source,
      { renames: [{ from: shop, to: live }], drop: true, record: false },
      client,
    );
    expect(report.problems).toEqual([]);
    expect(report.target?.namespaces).toContainEqual({
      namespace: `${live}.orders`,
      state: 'replaced',
      note: 'was: holds ~1 document',
    });
    for (const row of report.namespaces) expect(row.checks.contentHash).toBe('passed');
    expect(Object.keys(await snapshot(live)).sort()).toEqual(Object.keys(seeded.counts).sort());
    expect(await rawDocuments(client, live, 'orders')).toEqual(await rawDocuments(client, shop, 'orders'));
  });

  it('finds a manifest that lies before the swap, and leaves the target as it was', async () => {
    const { source } = await localBackup({
      edit: (m: Manifest) => {
        const orders = m.namespaces.find((n) => n.collection === 'orders');
        if (orders) orders.count += 1;
        // The totals agree with the edit, so only the data can tell.
        m.totals.documents += 1;
      },
    });
    const { live, before } = await liveTarget(
      (await localBackup()).source, // the live copy comes from an honest backup
    );
    const report = await restoreBackup(
      source,
      { renames: [{ from: shop, to: live }], drop: true, record: false },
      client,
    );
    expect(report.result).toBe('failed');
    expect(report.problems[0]).toBe(
      `${shop}.orders: document count differs — manifest ${seeded.counts.orders + 1}, archive ${seeded.counts.orders}`,
    );
    // The staged copy was read back before the swap; it is named as such.
    expect(problemsOf(report)).toContain(`staged for ${live}.orders as ${live}._shipkit_restore_`);
    expect(report.target?.namespaces).toContainEqual({
      namespace: `${live}.orders`,
      state: 'left as it was',
      note: 'holds ~1 document',
    });
    expect(await snapshot(live)).toEqual(before);
    const message = failureMessage(report);
    expect(message).toContain(
      'Target namespaces (nothing of the target changed; the staging collections were removed):',
    );
    expect(message).toContain(`  ${live}.orders: left as it was — holds ~1 document`);
  });

  it('stops when cancelled, removes the staging and says what each target is', async () => {
    const { source } = await localBackup();
    const { live, before } = await liveTarget(source);
    const controller = new AbortController();
    let documents = 0;
    const progress = {
      add(_bytes: number, count = 0) {
        documents += count;
        if (documents > 100) controller.abort(new UserError('The run was cancelled.'));
      },
    };
    const failure = await restoreBackup(
      source,
      { renames: [{ from: shop, to: live }], drop: true, record: false, batchBytes: 16 * 1024 },
      client,
      { signal: controller.signal, progress },
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UserError);
    const { message } = failure as Error;
    expect(message).toMatch(
      /^The run was cancelled\.\nTarget namespaces \(nothing of the target changed; the staging collections were removed\):\n/,
    );
    expect(message).toContain(`  ${live}.orders: left as it was — holds ~1 document`);
    expect(await snapshot(live)).toEqual(before);
  });
});
