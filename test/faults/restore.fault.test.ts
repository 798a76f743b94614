/**
 * Restores that fail, are cancelled or are killed: a restore never destroys data before its
 * replacement is proven. Each fault restores a backup over a live database that has moved on since
 * (fewer orders, a collection of its own) and checks that the live database is exactly as it was,
 * that nothing but staging collections was ever written, and that the message names every target.
 */
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, zstdDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { type Manifest, readManifest } from '@shipkit/backup';
import { ContentHash } from '@shipkit/mongo';
import { seedShop } from '@shipkit/shop-seed';
import { openStorage } from '@shipkit/storage';
import { MongoClient } from 'mongodb';
import { runAction } from '../runner';
import { testEnv, uniqueName } from '../support/env';
import { repoRoot, runShipkit, type ShipkitProcess, startShipkit } from '../support/shipkit-process';
import { fault, scratchDir } from './harness';

const STAGING = /^_shipkit_restore_[0-9a-f]{8}_(new|old)_/;
const action = join(repoRoot, 'actions', 'verify-restore', 'dist', 'index.js');

let client: MongoClient;
let shop: string;
let dir: { path: string; remove(): Promise<void> };
/** The backup of `shop` (a folder holding manifest.json and the archive). */
let backup: string;
let manifest: Manifest;
const dropAfter: string[] = [];

beforeAll(async () => {
  client = await new MongoClient(testEnv().mongodbUri).connect();
  shop = uniqueName('fault_restore');
  dropAfter.push(shop);
  await seedShop(client.db(shop), { scale: 0.3, seed: 'restore-faults' });
  dir = await scratchDir('restore');
  const prefix = join(dir.path, 'backups');
  const run = await runShipkit(['backup', '--to', `file://${prefix}`, '--include', shop], { env: env() });
  expect(run.code).toBe(0);
  const [id] = await readdir(prefix);
  backup = join(prefix, id as string);
  manifest = await readManifest(openStorage(`file://${prefix}`), id as string);
}, 300_000);

afterAll(async () => {
  for (const db of dropAfter) await client.db(db).dropDatabase();
  await client.close();
  await dir.remove();
});

function env(): Record<string, string> {
  return { MONGODB_URI: testEnv().mongodbUri };
}

/** What a database holds: per collection, its count and content hash. */
async function snapshot(db: string): Promise<Record<string, { count: number; hash: string }>> {
  const result: Record<string, { count: number; hash: string }> = {};
  for (const { name } of await client.db(db).listCollections({}, { nameOnly: true }).toArray()) {
    const hash = new ContentHash();
    for await (const doc of client.db(db).collection(name).find({}, { raw: true })) {
      hash.add(doc as unknown as Uint8Array);
    }
    result[name] = { count: hash.count, hash: hash.hex() };
  }
  return result;
}

/** The backed-up collections (views are not created on every server), by collection name. */
function backedUp(): Manifest['namespaces'] {
  return manifest.namespaces.filter((n) => n.type === 'collection');
}

/**
 * A live database that moved on since the backup: orders and customers hold other documents, a
 * collection of its own exists, the other backed-up collections are absent.
 */
async function liveDatabase(): Promise<{ live: string; before: Awaited<ReturnType<typeof snapshot>> }> {
  const live = uniqueName('live');
  dropAfter.push(live);
  const db = client.db(live);
  await db
    .collection<{ _id: string }>('orders')
    .insertMany(Array.from({ length: 40 }, (_, i) => ({ _id: `new-order-${i}`, total: i })));
  await db
    .collection<{ _id: string }>('customers')
    .insertMany(Array.from({ length: 7 }, (_, i) => ({ _id: `new-customer-${i}` })));
  await db.collection<{ _id: string }>('notes').insertOne({ _id: 'written after the backup' });
  return { live, before: await snapshot(live) };
}

/** A copy of the backup folder to damage, returned as its URL. */
async function copyOfBackup(label: string): Promise<{ folder: string; archive: string; url: string }> {
  const folder = join(dir.path, uniqueName(label), manifest.backupId);
  await cp(backup, folder, { recursive: true });
  return { folder, archive: join(folder, manifest.archive!.key), url: `file://${folder}` };
}

function restoreArgs(from: string, live: string, ...extra: string[]): string[] {
  return ['restore', '--from', from, '--ns-from', `${shop}.*`, '--ns-to', `${live}.*`, ...extra];
}

/** Every target namespace is named with its state: what the live database held, or that it is absent. */
function expectTargetsListed(message: string, live: string): void {
  expect(message).toContain(
    'Target namespaces (nothing of the target changed; the staging collections were removed):',
  );
  expect(message).toContain(`${live}.orders: left as it was — holds ~40 documents`);
  expect(message).toContain(`${live}.customers: left as it was — holds ~7 documents`);
  for (const { collection } of backedUp().filter((n) => !['orders', 'customers'].includes(n.collection))) {
    expect(message).toContain(`${live}.${collection}: untouched — absent`);
  }
}

/** Waits until documents arrive in a staging collection of `db`: the restore is half-way. */
async function untilStaged(db: string, started: ShipkitProcess): Promise<string[]> {
  const deadline = Date.now() + 120_000;
  let exited = false;
  void started.exited.then(() => {
    exited = true;
  });
  while (Date.now() < deadline && !exited) {
    const staged = (await client.db(db).listCollections({}, { nameOnly: true }).toArray())
      .map((c) => c.name)
      .filter((name) => STAGING.test(name));
    for (const name of staged) {
      if ((await client.db(db).collection(name).estimatedDocumentCount()) > 0) return staged;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no staged documents appeared in ${db}: ${JSON.stringify(started.output())}`);
}

fault(
  'restore --drop from a truncated backup',
  'refused before anything is written: the archive is shorter than its manifest says; the live database keeps every document',
  async () => {
    const { live, before } = await liveDatabase();
    const copy = await copyOfBackup('cut');
    const bytes = await readFile(copy.archive);
    await writeFile(copy.archive, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    const run = await runShipkit(restoreArgs(copy.url, live, '--drop'), { env: env() });
    expect(run.code).toBe(2);
    expect(await snapshot(live)).toEqual(before);
    const refusal = run.stderr.split('\n').find((l) => l.includes('is damaged')) ?? '';
    expect(refusal).toMatch(/bytes, manifest\.json says \d+.*it is not restored/);
    return `exit ${run.code}; ${live} unchanged; ${refusal.trim()}`;
  },
);

fault(
  'restore --drop from a truncated bare archive (no manifest to refuse it by)',
  'exit 1 when the archive ends early; the live database keeps every document; the message lists each target namespace and its state',
  async () => {
    const { live, before } = await liveDatabase();
    const bare = join(dir.path, uniqueName('bare'));
    await mkdir(bare);
    const bytes = await readFile(join(backup, manifest.archive!.key));
    await writeFile(join(bare, 'dump.archive.zst'), bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    const run = await runShipkit(restoreArgs(`file://${bare}/dump.archive.zst`, live, '--drop'), {
      env: env(),
    });
    expect(run.code).toBe(1);
    expect(await snapshot(live)).toEqual(before);
    expectTargetsListed(run.stderr, live);
    return `exit ${run.code}; ${live} unchanged (${Object.keys(before).length} collections, same hashes); ${run.stderr
      .split('\n')
      .find((l) => l.includes('.orders: left as it was'))
      ?.trim()}`;
  },
);

fault(
  'restore --drop from an archive with one flipped byte',
  'exit 1 naming the SHA-256 mismatch; the live database keeps every document; targets listed',
  async () => {
    const { live, before } = await liveDatabase();
    const copy = await copyOfBackup('flip');
    const bytes = await readFile(copy.archive);
    const middle = Math.floor(bytes.length / 2);
    bytes.writeUInt8(bytes.readUInt8(middle) ^ 0x01, middle);
    await writeFile(copy.archive, bytes);
    const run = await runShipkit(restoreArgs(copy.url, live, '--drop'), { env: env() });
    expect(run.code).toBe(1);
    expect(await snapshot(live)).toEqual(before);
    expect(run.stderr).toMatch(/does not match its manifest: SHA-256 .* \(same size/);
    expectTargetsListed(run.stderr, live);
    return `exit ${run.code}; SHA-256 mismatch named; ${live} unchanged`;
  },
);

fault(
  'restore --drop from a backup whose manifest counts were edited',
  'the mismatch is found on the staged data before the swap; the live database keeps every document',
  async () => {
    const { live, before } = await liveDatabase();
    const copy = await copyOfBackup('lying');
    const edited = structuredClone(manifest);
    const orders = edited.namespaces.find((n) => n.collection === 'orders') as Manifest['namespaces'][number];
    orders.count -= 5;
    // The totals agree with the edited count, so only the data can tell.
    edited.totals.documents -= 5;
    await writeFile(join(copy.folder, 'manifest.json'), JSON.stringify(edited, null, 2));
    const run = await runShipkit(restoreArgs(copy.url, live, '--drop'), { env: env() });
    expect(run.code).toBe(1);
    expect(await snapshot(live)).toEqual(before);
    const count = `${shop}.orders: document count differs — manifest ${orders.count}, archive ${orders.count + 5}`;
    expect(run.stderr).toContain(count);
    expect(run.stderr).toMatch(new RegExp(`staged for ${live}\\.orders as ${live}\\._shipkit_restore_`));
    expectTargetsListed(run.stderr, live);
    return `exit ${run.code}; "${count}"; ${live} unchanged`;
  },
);

fault(
  'SIGKILL of a restore --drop half-way',
  'the live database keeps every document; only staging collections are left; the next restore removes them, says so, and replaces the data',
  async () => {
    const { live, before } = await liveDatabase();
    const started = startShipkit(restoreArgs(`file://${backup}`, live, '--drop'), { env: env() });
    const staged = await untilStaged(live, started);
    started.signal('SIGKILL');
    const killed = await started.exited;
    expect(killed.signal).toBe('SIGKILL');

    const after = await snapshot(live);
    const leftovers = Object.keys(after).filter((name) => !(name in before));
    expect(leftovers.length).toBeGreaterThan(0);
    for (const name of leftovers) expect(name).toMatch(/^_shipkit_restore_[0-9a-f]{8}_new_/);
    for (const name of Object.keys(before)) expect(after[name]).toEqual(before[name]);

    const next = await runShipkit(restoreArgs(`file://${backup}`, live, '--drop'), { env: env() });
    expect(next.code).toBe(0);
    for (const name of leftovers) {
      expect(next.stderr).toContain(`removing ${live}.${name}: restored data of an interrupted restore`);
    }
    const restored = await snapshot(live);
    expect(Object.keys(restored).filter((name) => STAGING.test(name))).toEqual([]);
    for (const { collection, contentHash } of backedUp())
      expect(restored[collection]?.hash).toBe(contentHash);
    expect(restored.notes).toEqual(before.notes);
    return `killed with ${staged.length} staging collections being filled; left ${leftovers.length} staging collection(s) and ${live} unchanged; the next restore removed them and passed`;
  },
);

fault(
  'SIGTERM of a restore --drop half-way',
  'exits promptly; staging removed; the live database keeps every document; the message lists each target namespace',
  async () => {
    const { live, before } = await liveDatabase();
    const started = startShipkit(restoreArgs(`file://${backup}`, live, '--drop'), { env: env() });
    await untilStaged(live, started);
    const signalledAt = Date.now();
    started.signal('SIGTERM');
    const stopped = await started.exited;
    const stopMs = Date.now() - signalledAt;
    expect(stopped.killedByTest).toBe(false);
    expect(stopped.code).not.toBe(0);
    expect(await snapshot(live)).toEqual(before);
    expect(stopMs).toBeLessThan(15_000);
    expect(stopped.stderr).toMatch(/interrupted by SIGTERM|cancelled/);
    expectTargetsListed(stopped.stderr, live);
    return `exit ${stopped.code} ${stopMs} ms after SIGTERM; no staging left; ${live} unchanged`;
  },
);

fault(
  'a restore without --drop that fails half-way (archive cut short, into absent targets)',
  'exit 1; no collection was created, not even half-filled; each target is listed as untouched',
  async () => {
    // A stock-format archive without a manifest: nothing proves it whole before the reader hits the cut.
    const copy = await copyOfBackup('bare');
    const plain = join(dir.path, `${uniqueName('cut')}.archive`);
    const stored = await readFile(copy.archive);
    const archive =
      manifest.archive!.compression === 'gzip' ? gunzipSync(stored) : zstdDecompressSync(stored);
    await writeFile(plain, archive.subarray(0, Math.floor(archive.length * 0.8)));
    const fresh = uniqueName('fresh');
    dropAfter.push(fresh);
    const run = await runShipkit(restoreArgs(`file://${plain}`, fresh), { env: env() });
    expect(run.code).toBe(1);
    expect(await snapshot(fresh)).toEqual({});
    expect(run.stderr).toMatch(/The archive in .* is damaged: archive truncated/);
    for (const { collection } of backedUp())
      expect(run.stderr).toContain(`${fresh}.${collection}: untouched — absent`);
    return `exit ${run.code}; ${fresh} holds no collection; ${backedUp().length} targets listed as untouched`;
  },
);

fault(
  'a successful restore --drop over the live database',
  'exit 0; every collection replaced exactly (content hash equals the manifest); no staging left; other collections kept',
  async () => {
    const { live, before } = await liveDatabase();
    const run = await runShipkit(restoreArgs(`file://${backup}`, live, '--drop'), { env: env() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${live}.orders: replaced — was: holds ~40 documents`);
    const after = await snapshot(live);
    for (const { collection, count, contentHash } of backedUp()) {
      expect(after[collection]).toEqual({ count, hash: contentHash });
    }
    expect(Object.keys(after).filter((name) => STAGING.test(name))).toEqual([]);
    expect(after.notes).toEqual(before.notes);
    return `exit 0; ${backedUp().length} collections equal the manifest's content hashes; notes kept; no staging left`;
  },
);

fault(
  'the verify-restore action (restore mode, drop) from a truncated bare archive',
  'the step fails; the live database keeps every document; the error and the job summary list each target',
  async () => {
    const { live, before } = await liveDatabase();
    const bare = join(dir.path, uniqueName('action-cut'));
    await mkdir(bare);
    const bytes = await readFile(join(backup, manifest.archive!.key));
    await writeFile(join(bare, 'dump.archive.zst'), bytes.subarray(0, Math.floor(bytes.length * 0.5)));
    const result = await runAction(action, {
      inputs: {
        mode: 'restore',
        backup: `file://${bare}/dump.archive.zst`,
        'target-mongodb-uri': testEnv().mongodbUri,
        confirm: live,
        'ns-from': `${shop}.*`,
        'ns-to': `${live}.*`,
        drop: 'true',
      },
    });
    expect(result.exitCode).toBe(1);
    expect(await snapshot(live)).toEqual(before);
    expect(result.outputs.verified).toBe('false');
    const error = result.annotations.find((a) => a.level === 'error')?.message ?? '';
    expectTargetsListed(error, live);
    expect(result.summary).toContain(`| ${live}.orders | left as it was | holds ~40 documents |`);
    return `exit ${result.exitCode}; error and summary list the targets; ${live} unchanged`;
  },
);
