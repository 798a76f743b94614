/**
 * Damaged objects: whatever is altered in a stored backup — archive, manifest, verification record,
 * folder name, keys — the catalogue lists it as damaged with the reason, or verification says so and
 * fails; nothing damaged counts as a backup.
 */
import { cp, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { type Manifest, type NamespaceEntry, newBackupId } from '@shipkit/backup';
import { MongoClient } from 'mongodb';
import { testEnv, uniqueName } from '../support/env';
import { runShipkit, type ShipkitExit } from '../support/shipkit-process';
import { fault, scratchDir } from './harness';

let client: MongoClient;
let db: string;
let dir: { path: string; remove(): Promise<void> };

beforeAll(async () => {
  client = await new MongoClient(testEnv().mongodbUri).connect();
  db = uniqueName('fault_tamper');
  await client
    .db(db)
    .collection<{ _id: number }>('orders')
    .insertMany(Array.from({ length: 500 }, (_, i) => ({ _id: i, total: i * 3, note: `order ${i}` })));
  dir = await scratchDir('tamper');
});

afterAll(async () => {
  await client.db(db).dropDatabase();
  await client.close();
  await dir.remove();
});

const shipkit = (argv: string[]) => runShipkit(argv, { env: { MONGODB_URI: testEnv().mongodbUri } });

/** Backs `db` up into `prefix` (a folder under the scratch dir) and returns the backup's id and folder. */
async function backUpInto(prefix: string): Promise<{ id: string; folder: string }> {
  const run = await shipkit(['backup', '--to', `file://${prefix}`, '--include', db, '--json']);
  expect(run.code).toBe(0);
  const id = JSON.parse(run.stdout).backupId as string;
  return { id, folder: join(prefix, id) };
}

/** A backup in a prefix of its own. */
async function backUp(label: string): Promise<{ id: string; folder: string; prefix: string }> {
  const prefix = join(dir.path, label);
  return { ...(await backUpInto(prefix)), prefix };
}

interface Listed {
  id: string;
  state: string;
  damage: string[];
}

async function list(prefix: string): Promise<Listed[]> {
  const run = await shipkit(['list', '--at', `file://${prefix}`, '--json']);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout).backups;
}

async function stateOf(prefix: string, id: string): Promise<Listed> {
  const found = (await list(prefix)).find((b) => b.id === id);
  if (!found) throw new Error(`backup ${id} is not listed at ${prefix}`);
  return found;
}

async function archiveOf(folder: string): Promise<string> {
  return join(folder, (await readdir(folder)).find((name) => name.startsWith('archive.')) as string);
}

async function editManifest(folder: string, edit: (manifest: Manifest) => void): Promise<void> {
  const path = join(folder, 'manifest.json');
  const manifest = JSON.parse(await readFile(path, 'utf8')) as Manifest;
  edit(manifest);
  await writeFile(path, JSON.stringify(manifest, null, 2));
}

/** The problem lines `verify` printed on stderr. */
function problems(run: ShipkitExit): string {
  return run.stderr
    .split('\n')
    .filter((line) => line.startsWith('  - '))
    .map((line) => line.slice(4))
    .join(' | ');
}

fault('one byte flipped in the stored archive', 'verify fails naming the damage', async () => {
  const { folder } = await backUp('flip');
  const archive = await archiveOf(folder);
  const bytes = await readFile(archive);
  const middle = Math.floor(bytes.length / 2);
  bytes.writeUInt8(bytes.readUInt8(middle) ^ 0x01, middle);
  await writeFile(archive, bytes);
  const run = await runShipkit(['verify', '--from', `file://${folder}`]);
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/sha-?256/i);
  return `exit ${run.code}: ${run.stderr.split('\n').find((line) => /sha-?256/i.test(line))}`;
});

fault(
  'truncated archive',
  'list shows the backup DAMAGED (archive shorter than the manifest says); verify fails on its SHA-256',
  async () => {
    const { id, folder, prefix } = await backUp('truncate');
    const archive = await archiveOf(folder);
    const bytes = await readFile(archive);
    await writeFile(archive, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const listed = await stateOf(prefix, id);
    expect(listed.state).toBe('damaged');
    expect(listed.damage[0]).toMatch(/^the archive archive\.\S+ is \d+ bytes, manifest\.json says \d+$/);
    const run = await shipkit(['verify', '--from', `file://${folder}`]);
    expect(run.code).toBe(1);
    expect(problems(run)).toMatch(/does not match its manifest: SHA-256/);
    return `list: ${listed.state} (${listed.damage[0]}); verify exit ${run.code}: ${problems(run)}`;
  },
);

fault(
  'archives swapped between two backups',
  'both listed DAMAGED or failing verification on SHA-256; neither passes',
  async () => {
    const prefix = join(dir.path, 'swap');
    const first = await backUpInto(prefix);
    await client
      .db(db)
      .collection<{ _id: number }>('orders')
      .insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: 1000 + i, total: i, note: 'later' })));
    const second = await backUpInto(prefix);
    await client
      .db(db)
      .collection<{ _id: number }>('orders')
      .deleteMany({ _id: { $gte: 1000 } });
    const [a, b] = [await archiveOf(first.folder), await archiveOf(second.folder)];
    await rename(a, `${a}.swap`);
    await rename(b, a);
    await rename(`${a}.swap`, b);
    const states = await list(prefix);
    const seen: string[] = [];
    for (const backup of [first, second]) {
      const run = await shipkit(['verify', '--from', `file://${backup.folder}`]);
      expect(run.code).toBe(1);
      expect(problems(run)).toMatch(/does not match its manifest: SHA-256/);
      const state = states.find((s) => s.id === backup.id);
      seen.push(`${state?.state} (${state?.damage.join('; ') || 'sizes equal'}), verify exit ${run.code}`);
    }
    expect(states.filter((s) => s.state === 'complete' || s.state === 'verified')).toEqual([]);
    return seen.join(' / ');
  },
);

fault(
  'count edited in a manifest (totals edited to match)',
  "verify fails naming the namespace's count; on a verified backup, list shows it DAMAGED: the manifest changed after its record",
  async () => {
    const { id, folder, prefix } = await backUp('count');
    expect((await shipkit(['verify', '--from', `file://${folder}`])).code).toBe(0);
    expect((await stateOf(prefix, id)).state).toBe('verified');
    await editManifest(folder, (m) => {
      (m.namespaces[0] as NamespaceEntry).count += 1;
      m.totals.documents += 1;
    });
    const listed = await stateOf(prefix, id);
    expect(listed).toMatchObject({
      state: 'damaged',
      damage: ['manifest.json changed after verification.integrity.json was written'],
    });
    const run = await shipkit(['verify', '--from', `file://${folder}`]);
    expect(run.code).toBe(1);
    expect(problems(run)).toContain(`${db}.orders: document count differs — manifest 501, archive 500`);
    return `list: ${listed.state} (${listed.damage[0]}); verify exit ${run.code}: ${problems(run)}`;
  },
);

fault(
  'count edited in a manifest without its totals',
  'list shows it DAMAGED: the totals no longer add up',
  async () => {
    const { id, folder, prefix } = await backUp('count-only');
    await editManifest(folder, (m) => {
      (m.namespaces[0] as NamespaceEntry).count += 1;
    });
    const listed = await stateOf(prefix, id);
    expect(listed.state).toBe('damaged');
    expect(listed.damage[0]).toContain('totals.documents: is 500, but the namespaces add up to 501');
    return `list: ${listed.state} (${listed.damage[0]})`;
  },
);

fault(
  'content hash edited in a manifest',
  'verify fails naming the content hash of the namespace',
  async () => {
    const { id, folder, prefix } = await backUp('hash');
    await editManifest(folder, (m) => {
      (m.namespaces[0] as NamespaceEntry).contentHash = 'f'.repeat(64);
    });
    const listed = await stateOf(prefix, id);
    const run = await shipkit(['verify', '--from', `file://${folder}`]);
    expect(run.code).toBe(1);
    expect(problems(run)).toMatch(
      new RegExp(`${db}\\.orders: content hash differs — manifest ffffffffffffffff…`),
    );
    expect((await readdir(folder)).filter((name) => name.startsWith('verification'))).toEqual([]);
    return `list before verify: ${listed.state} (an unverified manifest cannot be told from the truth without reading the archive); verify exit ${run.code}: ${problems(run)}`;
  },
);

fault(
  "garbage in a backup's verification.json",
  'list shows it DAMAGED, not verified; check-freshness --require-verified does not count it',
  async () => {
    const { id, folder, prefix } = await backUp('garbage-record');
    await writeFile(join(folder, 'verification.json'), 'not json\n');
    const listed = await stateOf(prefix, id);
    expect(listed).toMatchObject({ state: 'damaged', damage: ['verification.json is not valid JSON'] });
    const fresh = await shipkit([
      'check-freshness',
      '--at',
      `file://${prefix}`,
      '--max-age',
      '26h',
      '--require-verified',
    ]);
    expect(fresh.code).toBe(1);
    return `list: ${listed.state} (${listed.damage[0]}); check-freshness exit ${fresh.code}: ${fresh.stdout.trim()}`;
  },
);

fault(
  'a verification record of another backup copied in',
  'list shows it DAMAGED: the record names the other backup',
  async () => {
    const prefix = join(dir.path, 'copied-record');
    const verified = await backUpInto(prefix);
    expect((await shipkit(['verify', '--from', `file://${verified.folder}`])).code).toBe(0);
    const other = await backUpInto(prefix);
    await cp(
      join(verified.folder, 'verification.integrity.json'),
      join(other.folder, 'verification.integrity.json'),
    );
    const listed = await stateOf(prefix, other.id);
    expect(listed).toMatchObject({
      state: 'damaged',
      damage: [`verification.integrity.json names backup ${verified.id}, not ${other.id}`],
    });
    return `list: ${listed.state} (${listed.damage[0]})`;
  },
);

fault(
  'backup folder renamed to another (newer) id',
  'list shows it DAMAGED; verify fails naming the mismatch; check-freshness and --latest ignore it',
  async () => {
    const { id, folder, prefix } = await backUp('renamed');
    expect((await shipkit(['verify', '--from', `file://${folder}`])).code).toBe(0);
    const renamed = newBackupId(new Date(Date.now() + 60_000));
    await rename(folder, join(prefix, renamed));
    const listed = await stateOf(prefix, renamed);
    expect(listed).toMatchObject({
      state: 'damaged',
      damage: expect.arrayContaining([`manifest.json names backup ${id}, not its folder ${renamed}`]),
    });
    const run = await shipkit(['verify', '--from', `file://${prefix}/${renamed}`]);
    expect(run.code).toBe(1);
    expect(problems(run)).toContain(`manifest.json names backup ${id}, not its folder ${renamed}`);
    const latest = await shipkit(['verify', '--from', `file://${prefix}`, '--latest']);
    expect(latest.code).toBe(2);
    expect(latest.stderr).toContain('No complete backup found');
    const fresh = await shipkit(['check-freshness', '--at', `file://${prefix}`, '--max-age', '26h']);
    expect(fresh.code).toBe(1);
    return `list: ${listed.state}; verify exit ${run.code}: ${problems(run)}; --latest exit ${latest.code}; check-freshness exit ${fresh.code}`;
  },
);

fault(
  'a manifest whose archive key is ../other/archive…',
  'list shows it DAMAGED (the key leaves the folder); verify refuses it and reads nothing outside',
  async () => {
    const { id, folder, prefix } = await backUp('key-traversal');
    const archive = await archiveOf(folder);
    const name = archive.slice(folder.length + 1);
    // A decoy where the key points, outside the backup's folder.
    await mkdir(join(prefix, 'other'), { recursive: true });
    await cp(archive, join(prefix, 'other', name));
    await editManifest(folder, (m) => {
      m.archive!.key = `../other/${name}`;
    });
    const listed = await stateOf(prefix, id);
    expect(listed.state).toBe('damaged');
    expect(listed.damage).toEqual([
      "manifest.json is not a valid backup manifest: archive.key: expected a file name in the backup's folder (no '/' or '..')",
    ]);
    const run = await shipkit(['verify', '--from', `file://${folder}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Backup ${id} at file://${prefix} is damaged and cannot be read`);
    return `list: ${listed.state} (${listed.damage[0]}); verify exit ${run.code}: ${run.stderr.trim()}`;
  },
);

fault(
  'a namespace called ../../x in a manifest',
  'list shows it DAMAGED (not a MongoDB database name); restore refuses it before connecting',
  async () => {
    const { id, folder, prefix } = await backUp('ns-traversal');
    await editManifest(folder, (m) => {
      (m.namespaces[0] as NamespaceEntry).db = '../../x';
    });
    const listed = await stateOf(prefix, id);
    expect(listed.damage).toEqual([
      'manifest.json is not a valid backup manifest: namespaces.0.db: not a valid MongoDB database name',
    ]);
    const run = await shipkit(['restore', '--from', `file://${folder}`, '--dry-run']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is damaged and cannot be read');
    return `list: ${listed.state} (${listed.damage[0]}); restore --dry-run exit ${run.code}`;
  },
);

fault(
  'verify --from file:///etc/passwd (a file that is not an archive)',
  'verify fails saying it is not an archive, and prints none of its content',
  async () => {
    const content = await readFile('/etc/passwd');
    const run = await shipkit(['verify', '--from', 'file:///etc/passwd']);
    expect(run.code).not.toBe(0);
    expect(run.everything).toContain('file:///etc/passwd is not a mongodump archive');
    expect(run.everything).not.toContain(content.subarray(0, 4).toString('hex'));
    expect(run.everything).not.toContain(content.subarray(0, 8).toString('utf8'));
    return `exit ${run.code}: ${run.stderr.split('\n').find((line) => line.includes('not a mongodump archive'))}`;
  },
);
