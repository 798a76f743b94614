import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ArchiveWriter, readArchive } from '@shipkit/archive';
import type { Logger } from '@shipkit/runtime';
import { BSON, type CollectionInfo, type Document, MongoClient } from 'mongodb';
import { testEnv, uniqueName } from '../../../test/support/env';
import {
  RawInserter,
  type RestoreDeps,
  RestoreFailedError,
  type RestoreOptions,
  type RestoreProgress,
  restoreArchive,
  Staging,
  SwapFailedError,
} from '../src/restore';

const run = promisify(execFile);
jest.setTimeout(120_000);
let client: MongoClient;
const databases: string[] = [];

beforeAll(async () => {
  client = await new MongoClient(testEnv().mongodbUri).connect();
});

afterAll(async () => {
  for (const db of databases) await client.db(db).dropDatabase();
  await client.close();
});

function database(label: string): string {
  const name = uniqueName(label);
  databases.push(name);
  return name;
}

const serialize = (doc: Document) => Buffer.from(BSON.serialize(doc));

interface ArchiveCollection {
  name: string;
  docs: Buffer[];
  options?: Document;
  indexes?: Document[];
}

/** An archive of collections in database `db`, written by the archive writer in interleaved segments. */
async function writeArchive(db: string, collections: ArchiveCollection[]): Promise<Buffer> {
  const writer = new ArchiveWriter();
  const bytes = buffer(writer.stream);
  await writer.begin({
    header: { concurrent_collections: 2, server_version: '7.0.0', tool_version: 'test' },
    namespaces: collections.map((c) => ({
      db,
      collection: c.name,
      type: 'collection' as const,
      metadata: {
        options: c.options ?? {},
        indexes: [{ v: 2, key: { _id: 1 }, name: '_id_' }, ...(c.indexes ?? [])],
        collectionName: c.name,
        type: 'collection' as const,
      },
    })),
  });
  const step = 100;
  for (let at = 0; collections.some((c) => at < c.docs.length); at += step) {
    for (const c of collections) {
      if (at < c.docs.length)
        await writer.writeDocuments({ db, collection: c.name }, c.docs.slice(at, at + step));
    }
  }
  for (const c of collections) await writer.endNamespace({ db, collection: c.name });
  await writer.finish();
  return bytes;
}

function restore(archive: Buffer, options: RestoreOptions, deps: Partial<RestoreDeps> = {}) {
  return restoreArchive(readArchive([archive]), options, { client, ...deps });
}

async function raw(db: string, collection: string): Promise<Buffer[]> {
  const docs = (await client
    .db(db)
    .collection(collection)
    .find({}, { raw: true })
    .toArray()) as unknown as Buffer[];
  return docs.map((d) => Buffer.from(d)).sort(Buffer.compare);
}

const orders = Array.from({ length: 3000 }, (_, i) =>
  serialize({
    _id: i,
    sku: `sku-${i}`,
    total: i * 1.5,
    tags: ['a', String(i % 7)],
    at: new Date(1_700_000_000_000 + i),
  }),
);
const customers = Array.from({ length: 200 }, (_, i) => serialize({ _id: `c${i}`, name: `Customer ${i}` }));

describe('restoreArchive', () => {
  it('restores collections under new names with options, byte-identical documents and indexes built after the data', async () => {
    const source = database('src');
    const target = database('dst');
    const archive = await writeArchive(source, [
      { name: 'orders', docs: orders, indexes: [{ v: 2, key: { sku: 1 }, name: 'sku_1', unique: true }] },
      { name: 'customers', docs: customers, indexes: [{ v: 2, key: { name: 1, _id: -1 }, name: 'name_id' }] },
      { name: 'log', docs: orders.slice(0, 50), options: { capped: true, size: 1 << 20 } },
    ]);
    const progress: RestoreProgress[] = [];
    const result = await restore(
      archive,
      { renames: [{ from: `${source}.*`, to: `${target}.*` }], parallelism: 4, batchBytes: 16 * 1024 },
      { onProgress: (p) => progress.push(p) },
    );

    expect(result.failed).toBe(0);
    expect(result.documents).toBe(3250);
    expect(result.inserted).toBe(3250);
    expect(result.encoding).toBe('document-sequence');
    expect(result.namespaces.map((n) => [n.source, n.target, n.action, n.inserted, n.indexesBuilt])).toEqual([
      [`${source}.orders`, `${target}.orders`, 'create', 3000, 1],
      [`${source}.customers`, `${target}.customers`, 'create', 200, 1],
      [`${source}.log`, `${target}.log`, 'create', 50, 0],
    ]);
    expect(await raw(target, 'orders')).toEqual([...orders].sort(Buffer.compare));
    expect(await raw(target, 'customers')).toEqual([...customers].sort(Buffer.compare));
    const indexes = await client.db(target).collection('orders').indexes();
    expect(indexes.find((i) => i.name === 'sku_1')).toMatchObject({ key: { sku: 1 }, unique: true });
    const [log] = (await client.db(target).listCollections({ name: 'log' }).toArray()) as CollectionInfo[];
    expect(log?.options).toMatchObject({ capped: true });
    // A capped collection keeps the archive's order: its batches go one at a time.
    const natural = await client.db(target).collection('log').find({}, { raw: true }).toArray();
    expect((natural as unknown as Buffer[]).map((d) => Buffer.from(d))).toEqual(orders.slice(0, 50));
    expect(progress.at(-1)).toMatchObject({ documents: 3250 });
    expect(progress.length).toBeGreaterThan(10);
  });

  it('decodes and re-encodes to the same bytes when document sequences are not used', async () => {
    const source = database('src');
    const target = database('dst');
    const archive = await writeArchive(source, [{ name: 'orders', docs: orders.slice(0, 500) }]);
    const result = await restore(
      archive,
      { renames: [{ from: `${source}.*`, to: `${target}.*` }] },
      { inserter: new RawInserter('decoded') },
    );
    expect(result.encoding).toBe('decoded');
    expect(await raw(target, 'orders')).toEqual([...orders.slice(0, 500)].sort(Buffer.compare));
  });

  it('restores only the selected namespaces', async () => {
    const source = database('src');
    const target = database('dst');
    const archive = await writeArchive(source, [
      { name: 'orders', docs: orders.slice(0, 10) },
      { name: 'customers', docs: customers.slice(0, 10) },
    ]);
    const result = await restore(archive, {
      include: [`${source}.cust*`],
      renames: [{ from: `${source}.*`, to: `${target}.*` }],
    });
    expect(result.plan.excluded).toEqual([`${source}.orders`]);
    expect(
      await client
        .db(target)
        .listCollections()
        .map((c) => c.name)
        .toArray(),
    ).toEqual(['customers']);
  });

  it('counts every refused document (duplicate key, invalid _id) and fails with the first errors', async () => {
    const source = database('src');
    const target = database('dst');
    const bad = [
      serialize({ _id: 5, sku: 'again' }),
      serialize({ _id: 7, sku: 'again' }),
      serialize({ _id: [1, 2], sku: 'array id' }),
    ];
    const archive = await writeArchive(source, [
      { name: 'orders', docs: [...orders.slice(0, 1000), ...bad] },
    ]);
    const failure = await restore(archive, {
      renames: [{ from: `${source}.*`, to: `${target}.*` }],
      shownFailures: 2,
      batchBytes: 8 * 1024,
    }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(RestoreFailedError);
    const { result, message } = failure as RestoreFailedError;
    expect(result.failed).toBe(3);
    expect(result.inserted).toBe(1000);
    expect(result.namespaces[0]?.failuresByCode).toEqual({ '11000': 2, '53': 1 });
    expect(message).toContain(
      `The restore failed: 3 of 1,003 documents were refused by the target — ${target}.orders: 3 (duplicate key ×2, invalid _id ×1).`,
    );
    expect(message).toContain('First 2 errors:');
    // Which two of the three are shown depends on the server's order within a batch.
    const shown = message.split('First 2 errors:\n')[1]?.split('\n') ?? [];
    const expected = [
      new RegExp(`^  ${target}\\.orders _id 5: .*duplicate key.* \\(code 11000\\)$`),
      new RegExp(`^  ${target}\\.orders _id 7: .*duplicate key.* \\(code 11000\\)$`),
      new RegExp(`^  ${target}\\.orders _id \\[1,2\\]: .*array.* \\(code 53\\)$`),
    ];
    expect(shown).toHaveLength(2);
    for (const line of shown) expect(expected.some((pattern) => pattern.test(line))).toBe(true);
    expect(new Set(shown).size).toBe(2);
    expect(await client.db(target).collection('orders').countDocuments()).toBe(1000);
  });

  it('fails when an index cannot be built on the restored data, naming the index', async () => {
    const source = database('src');
    const target = database('dst');
    const docs = [serialize({ _id: 1, sku: 'x' }), serialize({ _id: 2, sku: 'x' })];
    const archive = await writeArchive(source, [
      { name: 'products', docs, indexes: [{ v: 2, key: { sku: 1 }, name: 'sku_unique', unique: true }] },
    ]);
    const failure = await restore(archive, { renames: [{ from: `${source}.*`, to: `${target}.*` }] }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(RestoreFailedError);
    expect((failure as Error).message).toMatch(
      new RegExp(
        // The server's own words: "duplicate key" from MongoDB, "UNIQUE constraint failed" from FerretDB.
        `The restore failed: indexes could not be built\\.\\nIndex builds that failed:\\n  ${target}\\.products index sku_unique: .*(duplicate key|UNIQUE constraint)`,
      ),
    );
  });

  it('refuses a target that holds documents unless drop is given, and then replaces it', async () => {
    const source = database('src');
    const target = database('dst');
    await client
      .db(target)
      .collection<{ _id: string }>('orders')
      .insertMany([{ _id: 'old-1' }, { _id: 'old-2' }]);
    await client.db(target).createCollection('customers');
    const archive = await writeArchive(source, [
      { name: 'orders', docs: orders.slice(0, 20) },
      { name: 'customers', docs: customers.slice(0, 5) },
    ]);
    const renames = [{ from: `${source}.*`, to: `${target}.*` }];

    await expect(restore(archive, { renames })).rejects.toThrow(
      `Refusing to restore into existing namespaces without 'drop': ${target}.orders (holds ~2 documents). ` +
        "Nothing was written. Restore under other names ('ns-from'/'ns-to'), or give 'drop' to replace them.",
    );
    expect(await client.db(target).collection('orders').countDocuments()).toBe(2);
    expect(await client.db(target).collection('customers').countDocuments()).toBe(0);
    // Replacing needs staging: a direct restore never drops anything.
    await expect(restore(archive, { renames, drop: true })).rejects.toThrow('drop needs a staged restore');

    const staging = new Staging(client);
    const result = await restore(archive, { renames, drop: true }, { staging });
    expect(result.namespaces.map((n) => n.action)).toEqual(['replace', 'replace']);
    await staging.swap(result.plan, { archiveComplete: true, problems: [] });
    expect(await raw(target, 'orders')).toEqual([...orders.slice(0, 20)].sort(Buffer.compare));
    expect(await raw(target, 'customers')).toEqual([...customers.slice(0, 5)].sort(Buffer.compare));
  });

  it('reuses an existing empty collection without drop', async () => {
    const source = database('src');
    const target = database('dst');
    await client.db(target).createCollection('orders');
    const archive = await writeArchive(source, [{ name: 'orders', docs: orders.slice(0, 20) }]);
    const result = await restore(archive, { renames: [{ from: `${source}.*`, to: `${target}.*` }] });
    expect(result.namespaces[0]?.action).toBe('reuse');
    expect(await client.db(target).collection('orders').countDocuments()).toBe(20);
  });

  it('stops when cancelled', async () => {
    const source = database('src');
    const target = database('dst');
    const archive = await writeArchive(source, [{ name: 'orders', docs: orders }]);
    const controller = new AbortController();
    const reason = new Error('cancelled by the test');
    const restoring = restore(
      archive,
      { renames: [{ from: `${source}.*`, to: `${target}.*` }], batchBytes: 4096, parallelism: 1 },
      { signal: controller.signal, onProgress: () => controller.abort(reason) },
    );
    await expect(restoring).rejects.toBe(reason);
    expect(await client.db(target).collection('orders').countDocuments()).toBeLessThan(3000);
  });
});

/** Collection names of a database, sorted. */
async function names(db: string): Promise<string[]> {
  const listed = await client.db(db).listCollections({}, { nameOnly: true }).toArray();
  return listed.map((c) => c.name).sort();
}

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info() {}, debug() {}, error() {}, warn: (message) => warnings.push(message) };
}

const PROVEN = { archiveComplete: true, problems: [] };

describe('restoreArchive with staging', () => {
  /** A target database holding old orders, and an archive of new orders and customers. */
  async function setUp() {
    const source = database('src');
    const target = database('dst');
    await client
      .db(target)
      .collection<{ _id: string }>('orders')
      .insertMany([{ _id: 'old-1' }, { _id: 'old-2' }]);
    const archive = await writeArchive(source, [
      { name: 'orders', docs: orders.slice(0, 300), indexes: [{ v: 2, key: { sku: 1 }, name: 'sku_1' }] },
      { name: 'customers', docs: customers.slice(0, 50) },
    ]);
    return { target, archive, renames: [{ from: `${source}.*`, to: `${target}.*` }] };
  }

  it('writes only staging collections, then swaps them in and drops what the targets held', async () => {
    const { target, archive, renames } = await setUp();
    const staging = new Staging(client);
    const result = await restore(archive, { renames, drop: true }, { staging });
    const run = staging.run;

    expect(result.plan.run).toBe(run);
    expect(result.namespaces.map((n) => [n.target, n.action])).toEqual([
      [`${target}.orders`, 'replace'],
      [`${target}.customers`, 'create'],
    ]);
    // Before the swap the targets are exactly as they were; the restore sits under staging names.
    expect(await names(target)).toEqual([
      `_shipkit_restore_${run}_new_customers`,
      `_shipkit_restore_${run}_new_orders`,
      'orders',
    ]);
    expect(await client.db(target).collection('orders').countDocuments()).toBe(2);
    const stagedIndexes = await client.db(target).collection(`_shipkit_restore_${run}_new_orders`).indexes();
    expect(stagedIndexes.map((i) => i.name).sort()).toEqual(['_id_', 'sku_1']);

    const outcomes = await staging.swap(result.plan, PROVEN);
    expect(outcomes).toEqual([
      { namespace: `${target}.orders`, state: 'replaced', note: 'was: holds ~2 documents' },
      { namespace: `${target}.customers`, state: 'restored' },
    ]);
    expect(await names(target)).toEqual(['customers', 'orders']);
    expect(await raw(target, 'orders')).toEqual([...orders.slice(0, 300)].sort(Buffer.compare));
    expect(await raw(target, 'customers')).toEqual([...customers.slice(0, 50)].sort(Buffer.compare));
    const indexes = await client.db(target).collection('orders').indexes();
    expect(indexes.map((i) => i.name).sort()).toEqual(['_id_', 'sku_1']);
  });

  it('refuses to swap without a proof, and discard leaves every target as it was', async () => {
    const { target, archive, renames } = await setUp();
    const staging = new Staging(client);
    const result = await restore(archive, { renames, drop: true }, { staging });

    await expect(
      staging.swap(result.plan, { archiveComplete: true, problems: ['count differs'] }),
    ).rejects.toThrow('the restore is not proven');
    await expect(staging.swap(result.plan, { archiveComplete: false, problems: [] })).rejects.toThrow(
      'the restore is not proven',
    );
    const outcomes = await staging.discard(result.plan);
    expect(outcomes).toEqual([
      { namespace: `${target}.orders`, state: 'left as it was', note: 'holds ~2 documents' },
      { namespace: `${target}.customers`, state: 'untouched', note: 'absent' },
    ]);
    expect(await names(target)).toEqual(['orders']);
    expect(await client.db(target).collection('orders').find().toArray()).toEqual([
      { _id: 'old-1' },
      { _id: 'old-2' },
    ]);
  });

  it('leaves only staging collections when the restore fails or is cancelled part-way', async () => {
    const { target, renames } = await setUp();
    const source = renames[0]?.from.slice(0, -2) as string;
    const archive = await writeArchive(source, [{ name: 'orders', docs: orders }]);
    const controller = new AbortController();
    const staging = new Staging(client);
    let plan: Parameters<Staging['discard']>[0] | undefined;
    const restoring = restore(
      archive,
      { renames, drop: true, batchBytes: 4096, parallelism: 1 },
      {
        staging,
        signal: controller.signal,
        onPlan: (p) => {
          plan = p;
        },
        onProgress: (p) => {
          if (p.documents > 500) controller.abort(new Error('cancelled by the test'));
        },
      },
    );
    await expect(restoring).rejects.toThrow('cancelled by the test');
    expect(await names(target)).toEqual([`_shipkit_restore_${staging.run}_new_orders`, 'orders']);
    expect(await client.db(target).collection('orders').countDocuments()).toBe(2);
    await staging.discard(plan as NonNullable<typeof plan>);
    expect(await names(target)).toEqual(['orders']);
  });

  it('puts back what it swapped when a later rename fails, and says what each target is', async () => {
    const { target, archive, renames } = await setUp();
    const staging = new Staging(client);
    const result = await restore(archive, { renames, drop: true }, { staging });
    // Someone creates a target the plan found absent, after the plan and before the swap.
    await client.db(target).collection<{ _id: string }>('customers').insertOne({ _id: 'late' });

    const failure = await staging.swap(result.plan, PROVEN).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SwapFailedError);
    const { summary, outcomes, message } = failure as SwapFailedError;
    expect(summary).toMatch(
      new RegExp(
        `^Swapping the restored data into the target failed at ${target}\\.customers: .+\\. ` +
          'The 1 namespace swapped before it was put back: nothing of the target was changed\\.$',
      ),
    );
    expect(outcomes).toEqual([
      { namespace: `${target}.orders`, state: 'left as it was', note: 'holds ~2 documents' },
      { namespace: `${target}.customers`, state: 'untouched', note: 'absent' },
    ]);
    expect(message).toContain(`  ${target}.orders: left as it was — holds ~2 documents`);
    expect(await names(target)).toEqual(['customers', 'orders']);
    expect(await client.db(target).collection('orders').find().toArray()).toEqual([
      { _id: 'old-1' },
      { _id: 'old-2' },
    ]);
    expect(await client.db(target).collection('customers').find().toArray()).toEqual([{ _id: 'late' }]);
  });

  it('swaps an empty target without drop, but not one that received documents meanwhile', async () => {
    const source = database('src');
    const target = database('dst');
    await client.db(target).createCollection('orders');
    const archive = await writeArchive(source, [{ name: 'orders', docs: orders.slice(0, 20) }]);
    const renames = [{ from: `${source}.*`, to: `${target}.*` }];

    const first = new Staging(client);
    const result = await restore(archive, { renames }, { staging: first });
    expect(result.namespaces[0]?.action).toBe('reuse');
    await client.db(target).collection<{ _id: string }>('orders').insertOne({ _id: 'written meanwhile' });
    await expect(first.swap(result.plan, PROVEN)).rejects.toThrow(
      `${target}.orders received documents while the restore ran`,
    );
    expect(await names(target)).toEqual(['orders']);
    expect(await client.db(target).collection('orders').countDocuments()).toBe(1);

    await client.db(target).collection('orders').deleteMany({});
    const second = new Staging(client);
    const again = await restore(archive, { renames }, { staging: second });
    expect(await second.swap(again.plan, PROVEN)).toEqual([
      { namespace: `${target}.orders`, state: 'replaced', note: 'was: an empty collection' },
    ]);
    expect(await raw(target, 'orders')).toEqual([...orders.slice(0, 20)].sort(Buffer.compare));
  });

  it('removes restored data an interrupted run left, and refuses while a target’s previous data is set aside', async () => {
    const { target, archive, renames } = await setUp();
    await client
      .db(target)
      .collection<{ _id: string }>('_shipkit_restore_0badf00d_new_orders')
      .insertOne({ _id: 'stale' });
    const logger = recordingLogger();
    const staging = new Staging(client, { logger });
    const result = await restore(archive, { renames, drop: true }, { staging, logger });
    expect(result.plan.leftovers).toEqual([
      {
        db: target,
        name: '_shipkit_restore_0badf00d_new_orders',
        run: '0badf00d',
        role: 'new',
        collection: 'orders',
      },
    ]);
    expect(logger.warnings).toContain(
      `removing ${target}._shipkit_restore_0badf00d_new_orders: restored data of an interrupted restore ` +
        `(run 0badf00d) that was never swapped into ${target}.orders`,
    );
    await staging.discard(result.plan);
    expect(await names(target)).toEqual(['orders']);

    // What a swap set aside is a target's own data: never removed, and in the way until someone looks.
    await client
      .db(target)
      .collection<{ _id: string }>('_shipkit_restore_0badf00d_old_customers')
      .insertOne({ _id: 'precious' });
    const next = new Staging(client);
    await expect(restore(archive, { renames, drop: true }, { staging: next })).rejects.toThrow(
      `An earlier restore was interrupted while swapping and left previous data in ` +
        `${target}._shipkit_restore_0badf00d_old_customers (what ${target}.customers held). Nothing was written. ` +
        'Check each one, rename it back to its name or drop it, then run the restore again.',
    );
    expect(await names(target)).toEqual(['_shipkit_restore_0badf00d_old_customers', 'orders']);
  });
});

describe('restoreArchive with archives written by stock mongodump', () => {
  let dir: string;
  let source: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'restore-stock-'));
    source = database('stock');
    const db = client.db(source);
    await db.collection('orders').insertMany(orders.map((d) => BSON.deserialize(d)));
    await db.collection('orders').createIndex({ sku: 1 }, { unique: true, name: 'sku_1' });
    await db.createCollection('events', { capped: true, size: 1 << 20 });
    await db.collection('events').insertMany(customers.map((d) => BSON.deserialize(d)));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['plain', false],
    ['--gzip', true],
  ])('restores a %s archive under renamed namespaces, documents and indexes intact', async (_label, gzip) => {
    const { mongodbUri, mongoToolsBin } = testEnv();
    const file = join(dir, `dump${gzip ? '.gz' : ''}.archive`);
    await run(join(mongoToolsBin, 'mongodump'), [
      `--uri=${mongodbUri}`,
      `--db=${source}`,
      `--archive=${file}`,
      ...(gzip ? ['--gzip'] : []),
    ]);
    const stored = await readFile(file);
    const archive = gzip ? gunzipSync(stored) : stored;
    const target = database('restored');
    const result = await restore(archive, { renames: [{ from: `${source}.*`, to: `${target}.*` }] });

    expect(result.failed).toBe(0);
    expect(result.namespaces.map((n) => [n.target, n.inserted]).sort()).toEqual([
      [`${target}.events`, 200],
      [`${target}.orders`, 3000],
    ]);
    expect(await raw(target, 'orders')).toEqual(await raw(source, 'orders'));
    expect(await raw(target, 'events')).toEqual(await raw(source, 'events'));
    const indexes = await client.db(target).collection('orders').indexes();
    expect(indexes.map((i) => i.name).sort()).toEqual(['_id_', 'sku_1']);
    const [events] = (await client
      .db(target)
      .listCollections({ name: 'events' })
      .toArray()) as CollectionInfo[];
    expect(events?.options).toMatchObject({ capped: true });
  });
});
