import { cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { readArchive } from '@shipkit/archive';
import { findBackup, listBackups, type Manifest, newBackupId, runBackup } from '@shipkit/backup';
import { MemoryLogger, UserError } from '@shipkit/runtime';
import { type SeedReport, seedShop } from '@shipkit/shop-seed';
import { openStorage, type Storage } from '@shipkit/storage';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { MongoClient } from 'mongodb';
import { testEnv, uniqueName } from '../../../test/support/env';
import { type BackupSource, locateBackup, verifyBackup } from '../src';
import { fileStorage, stockDump, storeBackup } from './support';

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
  seeded = await seedShop(client.db(shop), { scale: 0.05, seed: 'verify' });
  dir = await mkdtemp(join(tmpdir(), 'verify-int-'));
});

afterAll(async () => {
  for (const db of dropAfter) await client.db(db).dropDatabase();
  await client.close();
  await rm(dir, { recursive: true, force: true });
});

/** Byte offset of the first document of a collection in a plain archive. */
async function firstDocumentOffset(archive: Buffer, collection: string): Promise<number> {
  for await (const event of readArchive([archive])) {
    if (event.type === 'documents' && event.ns.collection === collection) return event.offset;
  }
  throw new Error(`no documents of ${collection} in the archive`);
}

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
const namespaceCount = () => Object.keys(seeded.counts).length + seeded.views.filter((v) => v.created).length;

describe('round trip: runBackup, then verify', () => {
  let prefix: string;
  let recipient: string;
  let identity: string;
  let source: BackupSource;

  beforeAll(async () => {
    identity = await generateIdentity();
    recipient = await identityToRecipient(identity);
    prefix = uniqueName('verify');
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

  it('passes full verification, reports the seeded counts and records verification.full.json', async () => {
    const report = await verifyBackup(source, { mode: 'full', identity }, { scratch: client });

    expect(report.problems).toEqual([]);
    expect(report.result).toBe('passed');
    expect(report.archive).toMatchObject({
      layers: ['age', 'zstd'],
      complete: true,
      sha256: { state: 'passed' },
    });
    const rows = Object.fromEntries(report.namespaces.map((n) => [n.namespace.split('.')[1], n]));
    for (const [name, count] of Object.entries(seeded.counts)) {
      expect(rows[name]).toMatchObject({
        type: 'collection',
        expected: { documents: count },
        archive: { documents: count },
        restored: { documents: count },
        checks: { count: 'passed', contentHash: 'passed', crc: 'passed', indexes: 'passed' },
      });
      expect(rows[name]?.restoredAs).toMatch(new RegExp(`^vfy_[0-9a-f]{6}_${shop}\\.${name}$`));
      const built = seeded.indexes.filter((i) => i.collection === name && i.created).length;
      expect(rows[name]?.restored?.indexes).toBe(built + 1);
    }
    for (const view of seeded.views.filter((v) => v.created)) {
      expect(rows[view.name]).toMatchObject({ type: 'view', restoredAs: expect.stringContaining(view.name) });
    }
    expect(report.totals.restoredDocuments).toBe(seededDocuments());
    expect(report.target?.removed).toBe(true);
    const databases = (await client.db().admin().listDatabases()).databases.map((d) => d.name);
    expect(databases.filter((d) => report.target?.databases.includes(d))).toEqual([]);

    const storage = source.storage;
    expect(report.recorded).toBe(storage.describe(`${report.backupId}/verification.full.json`));
    const entry = await findBackup(storage, report.backupId as string);
    expect(entry?.verification).toEqual({
      name: 'verification.full.json',
      formatVersion: 2,
      mode: 'full',
      scope: 'all',
      verifiedAt: report.finishedAt,
      namespaces: namespaceCount(),
      documents: seededDocuments(),
      counts: true,
    });
    expect((await listBackups(storage))[0]).toMatchObject({
      id: report.backupId,
      state: 'verified',
      complete: true,
      verified: true,
    });
  });

  it('passes integrity verification without a database', async () => {
    const report = await verifyBackup(source, { mode: 'integrity', identity, record: false });
    expect(report.problems).toEqual([]);
    expect(report.result).toBe('passed');
    expect(report.totals).toMatchObject({
      namespaces: namespaceCount(),
      documents: seededDocuments(),
      expectedDocuments: seededDocuments(),
    });
    expect(report.namespaces.every((n) => n.restored === undefined)).toBe(true);
  });

  it('refuses an identity the backup was not encrypted to, before reading the archive', async () => {
    const other = await generateIdentity();
    const otherRecipient = await identityToRecipient(other);
    const failure = verifyBackup(source, { mode: 'integrity', identity: other });
    await expect(failure).rejects.toThrow(UserError);
    await expect(failure).rejects.toThrow(
      `Option 'decrypt-identity' (public key ${otherRecipient}) cannot decrypt backup ` +
        `${source.backupId}: it is encrypted to ${recipient}.`,
    );
    await expect(verifyBackup(source, { mode: 'integrity' })).rejects.toThrow(
      `backup ${source.backupId} is encrypted with age (to ${recipient}): give the identity that decrypts it as 'decrypt-identity'.`,
    );
  });
});

describe('archives written by stock mongodump', () => {
  it.each([
    ['plain', false],
    ['--gzip', true],
  ])(
    'verifies a %s archive file: CRCs and counts checked, and says what it could not check',
    async (_label, gzip) => {
      const file = join(dir, `${uniqueName('stock')}.archive${gzip ? '.gz' : ''}`);
      await stockDump(testEnv().mongoToolsBin, testEnv().mongodbUri, shop, file, gzip);
      const source = await locateBackup({ backup: `file://${file}` }, openAny);
      expect(source.manifest).toBeUndefined();

      const report = await verifyBackup(source, { mode: 'integrity' });
      expect(report.result).toBe('passed');
      expect(report.archive.layers).toEqual(gzip ? ['gzip'] : []);
      expect(report.archive.sha256.state).toBe('not-checked');
      const orders = report.namespaces.find((n) => n.namespace === `${shop}.orders`);
      expect(orders).toMatchObject({
        archive: { documents: seeded.counts.orders },
        checks: { count: 'not-checked', contentHash: 'not-checked', crc: 'passed', indexes: 'not-checked' },
      });
      expect(report.notChecked).toEqual([
        'SHA-256 and size of the stored object: there is no manifest holding them.',
        'Expected counts, content hashes and index specs: the archive has no manifest (stock mongodump writes none). ' +
          'Each namespace CRC was checked and documents were counted.',
      ]);

      const full = await verifyBackup(source, { mode: 'full' }, { scratch: client });
      expect(full.problems).toEqual([]);
      expect(full.namespaces.find((n) => n.namespace === `${shop}.orders`)?.checks).toEqual({
        count: 'passed',
        contentHash: 'passed',
        crc: 'passed',
        indexes: 'passed',
      });
    },
  );
});

describe('tampering and damage', () => {
  it('fails integrity on one flipped byte, naming the SHA-256 mismatch first', async () => {
    const { folder, built, source } = await localBackup({ compression: 'zstd' });
    const path = join(folder, built.archiveKey);
    const bytes = await readFile(path);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] as number) ^ 0x01;
    await writeFile(path, bytes);

    const report = await verifyBackup(source, { mode: 'integrity' });
    expect(report.result).toBe('failed');
    expect(report.archive.sha256.state).toBe('failed');
    expect(report.problems[0]).toBe(
      `the stored archive ${source.url} does not match its manifest: SHA-256 ${report.archive.sha256.actual}, ` +
        `expected ${built.manifest.archive!.sha256} (same size, ${bytes.length} bytes); it was changed or damaged after the backup was written`,
    );
    // What the flip breaks next depends on where it lands: zstd's checksum, or a namespace CRC first.
    expect(report.problems[1]).toMatch(
      /^(Decompressing .* \(zstd\) failed: the stored data was changed or cut off|The archive in .* is damaged: )/,
    );
    expect(report.recorded).toBeUndefined();
  });

  it('with the SHA-256 check bypassed, fails on the namespace CRC', async () => {
    const { folder, built, source, archive } = await localBackup({ compression: 'none' });
    const path = join(folder, built.archiveKey);
    const bytes = await readFile(path);
    // A byte inside the first orders document: the framing stays intact, the content changes.
    const at = await firstDocumentOffset(bytes, 'orders');
    bytes[at + 10] = (bytes[at + 10] as number) ^ 0x01;
    await writeFile(path, bytes);
    expect(archive.length).toBe(bytes.length);

    const report = await verifyBackup(source, { mode: 'integrity', skipSha256Check: true });
    expect(report.result).toBe('failed');
    expect(report.archive.sha256.state).toBe('not-checked');
    expect(report.notChecked).toContain('SHA-256 of the stored object: skipped on request.');
    expect(problemsOf(report)).toMatch(
      new RegExp(
        `The archive in .* is damaged: CRC mismatch for ${shop}\\.orders: the EOF block at byte offset \\d+ stores 0x[0-9a-f]{16}, the ${seeded.counts.orders} documents \\(\\d+ bytes\\) give 0x[0-9a-f]{16}`,
      ),
    );
  });

  it('fails on a truncated archive, with and without a manifest', async () => {
    const { folder, built, source } = await localBackup({ compression: 'gzip' });
    const path = join(folder, built.archiveKey);
    const bytes = await readFile(path);
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.6));
    await writeFile(path, cut);
    const report = await verifyBackup(source, { mode: 'integrity' });
    expect(report.result).toBe('failed');
    expect(report.archive.complete).toBe(false);
    expect(report.problems[0]).toContain(`(${cut.length} bytes, the manifest says ${bytes.length})`);
    expect(report.problems[1]).toMatch(
      /^Decompressing .* \(gzip\) failed: the stored data was changed or cut off \(unexpected end of file\)\.$/,
    );

    const bare = join(dir, `${uniqueName('cut')}.archive`);
    const plain = gunzipSync(bytes);
    await writeFile(bare, plain.subarray(0, Math.floor(plain.length * 0.6)));
    const bareReport = await verifyBackup(await locateBackup({ backup: `file://${bare}` }, openAny), {
      mode: 'integrity',
    });
    expect(bareReport.result).toBe('failed');
    expect(problemsOf(bareReport)).toMatch(
      /The archive in .* is damaged: archive truncated: .* at byte offset \d+/,
    );
  });

  it('fails when the manifest lies about a count or a content hash, naming the namespace', async () => {
    const lyingCount = await localBackup({
      // A consistent lie (the totals agree): only reading the archive can catch it.
      edit: (m: Manifest) => {
        const orders = m.namespaces.find((n) => n.collection === 'orders');
        if (orders) orders.count += 1;
        m.totals.documents += 1;
      },
    });
    const countReport = await verifyBackup(lyingCount.source, { mode: 'integrity' });
    expect(countReport.problems).toEqual([
      `${shop}.orders: document count differs — manifest ${seeded.counts.orders + 1}, archive ${seeded.counts.orders}`,
    ]);
    expect(countReport.namespaces.find((n) => n.namespace === `${shop}.orders`)?.checks.count).toBe('failed');

    const lyingHash = await localBackup({
      edit: (m: Manifest) => {
        const products = m.namespaces.find((n) => n.collection === 'products');
        if (products) products.contentHash = 'f'.repeat(64);
      },
    });
    const hashReport = await verifyBackup(lyingHash.source, { mode: 'full' }, { scratch: client });
    expect(hashReport.problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${shop}\\.products: content hash differs — manifest ffffffffffffffff…, archive [0-9a-f]{16}…$`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^${shop}\\.products: content hash differs — expected ffffffffffffffff…, restored as vfy_[0-9a-f]{6}_${shop}\\.products [0-9a-f]{16}…$`,
        ),
      ),
    ]);
  });

  it('fails on an archive swapped in from another backup, on its SHA-256, whichever way round', async () => {
    const small = uniqueName('swap');
    dropAfter.push(small);
    const orders = client.db(small).collection<{ _id: number }>('orders');
    await orders.insertMany(Array.from({ length: 500 }, (_, i) => ({ _id: i, note: `order ${i}` })));
    const folder = await mkdtemp(join(dir, 'swap-'));
    const backUp = (at: Date) =>
      runBackup(
        { uri: testEnv().mongodbUri, destination: `file://${folder}`, include: [small] },
        { logger: new MemoryLogger(), now: () => at },
      );
    const first = await backUp(new Date(Date.now() - 60_000));
    await orders.insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: 1000 + i, note: 'later' })));
    const second = await backUp(new Date());
    const [a, b] = [first, second].map((r) => join(folder, r.backupId, r.manifest.archive.key)) as [
      string,
      string,
    ];
    await rename(a, `${a}.swap`);
    await rename(b, a);
    await rename(`${a}.swap`, b);
    for (const { backupId } of [first, second]) {
      const source = await locateBackup({ source: `file://${folder}`, backup: backupId }, openAny);
      const report = await verifyBackup(source, { mode: 'integrity' });
      expect(report.archive.sha256.state).toBe('failed');
      expect(problemsOf(report)).toMatch(/does not match its manifest: SHA-256/);
    }
  });

  it('refuses a backup without a manifest, and a prefix whose only backup lacks one', async () => {
    const { folder, built } = await localBackup();
    await rm(join(folder, built.id, 'manifest.json'));
    const incomplete =
      `Backup ${built.id} has no manifest at file://${folder}/${built.id}/manifest.json: it is incomplete ` +
      '(the run that wrote it failed or is still running) and cannot be restored or verified.';
    await expect(locateBackup({ source: `file://${folder}`, backup: built.id }, openAny)).rejects.toThrow(
      incomplete,
    );
    await expect(locateBackup({ backup: `file://${folder}/${built.id}` }, openAny)).rejects.toThrow(
      incomplete,
    );
    await expect(locateBackup({ source: `file://${folder}`, backup: 'latest' }, openAny)).rejects.toThrow(
      `No complete backup found at file://${folder} (1 incomplete; \`shipkit list\` shows why).`,
    );
  });
});

describe('verification records and the catalogue', () => {
  it('names the damage of a backup asked for by id, and records nothing', async () => {
    const { folder, built } = await localBackup();
    const renamed = newBackupId(new Date(Date.now() - 3_600_000));
    await cp(join(folder, built.id), join(folder, renamed), { recursive: true });
    const source = await locateBackup({ source: `file://${folder}`, backup: renamed }, openAny);
    const report = await verifyBackup(source, { mode: 'integrity' });
    expect(report.result).toBe('failed');
    expect(report.problems).toEqual([
      `backup ${renamed} is damaged: manifest.json names backup ${built.id}, not its folder ${renamed}`,
    ]);
    expect(report.recorded).toBeUndefined();
    expect((await readdir(join(folder, renamed))).filter((n) => n.startsWith('verification'))).toEqual([]);
  });

  it('says a backup deleted while it was verified disappeared, and leaves no record in its remains', async () => {
    const { folder, built, source } = await localBackup();
    const get = source.storage.get.bind(source.storage);
    source.storage.get = async (key: string) => {
      // prune, between the verification's start and its end: the manifest goes first.
      if (key === source.archiveKey) await rm(join(folder, built.id, 'manifest.json'));
      return get(key);
    };
    const report = await verifyBackup(source, { mode: 'integrity' });
    expect(report.result).toBe('failed');
    expect(report.problems).toEqual([
      `backup ${built.id} disappeared while it was being read (its manifest.json is gone, e.g. deleted by prune): ` +
        'it no longer exists, and no verification was recorded',
    ]);
    expect(report.recorded).toBeUndefined();
    expect((await readdir(join(folder, built.id))).sort()).toEqual([basename(built.archiveKey)]);
  });
});
