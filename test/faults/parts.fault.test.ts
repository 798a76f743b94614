/**
 * A backup in parts keeps the promises of any backup: a stopped part aborts its upload and leaves no
 * record, a part never touches another part's objects, finalize writes the manifest last and only
 * after every part checked out, and the catalogue judges a part record changed after the fact.
 * Through the CLI bundle users run, against a private S3 server.
 */
import { afterAll, beforeAll, expect } from '@jest/globals';
import { MongoClient } from 'mongodb';
import { testEnv, uniqueName } from '../support/env';
import { runShipkit, startShipkit } from '../support/shipkit-process';
import { fault, type PrivateS3, privateS3 } from './harness';
import { listed, S3Probe, s3Cli, seedBlobs } from './stores';

let s3: PrivateS3 & { remove(): Promise<void> };
let probe: S3Probe;
let client: MongoClient;
let db: string;

beforeAll(async () => {
  s3 = await privateS3();
  probe = new S3Probe(s3.env);
  client = await new MongoClient(testEnv().mongodbUri).connect();
  db = uniqueName('fault_parts');
  // About 24 MiB that does not compress: each of two parts is a multipart upload of several seconds.
  await seedBlobs(client, db, 24);
}, 180_000);

afterAll(async () => {
  await client.db(db).dropDatabase();
  await client.close();
  probe.close();
  await s3.remove();
});

const url = (prefix: string) => `s3://${s3.env.S3_BUCKET}/${prefix}`;
const cli = () => s3Cli(s3.env);
const options = () => ({ env: { MONGODB_URI: testEnv().mongodbUri, ...cli().env } });

async function plan(prefix: string): Promise<string> {
  const run = await runShipkit(
    ['backup', 'plan', '--json', '--to', url(prefix), '--parts', '2', '--include', db, ...cli().flags],
    options(),
  );
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as { backupId: string }).backupId;
}

const partArgs = (prefix: string, backupId: string, part: number) => [
  'backup',
  'part',
  '--to',
  url(prefix),
  '--backup',
  backupId,
  '--part',
  String(part),
  '--parallelism',
  '1',
  ...cli().flags,
];

async function finalize(prefix: string, backupId: string) {
  return runShipkit(
    ['backup', 'finalize', '--to', url(prefix), '--backup', backupId, ...cli().flags],
    options(),
  );
}

/** Part 1 written, then part 2 started and stopped by `signal` during its multipart upload. */
async function stopPartTwo(prefix: string, signal: NodeJS.Signals) {
  const backupId = await plan(prefix);
  const first = await runShipkit(partArgs(prefix, backupId, 1), options());
  expect(first.code).toBe(0);
  const before = (await probe.objects(prefix)).sort();
  const run = startShipkit(partArgs(prefix, backupId, 2), options());
  await probe.until('a multipart upload of part 2', async () =>
    (await probe.openUploads(prefix)).some((key) => key.includes('/part-002.')),
  );
  const signalled = Date.now();
  run.signal(signal);
  const exit = await run.exited;
  const after = (await probe.objects(prefix)).sort();
  return { backupId, before, after, exit, took: Date.now() - signalled };
}

fault(
  'SIGTERM to one part of a backup in parts during its upload',
  'exit 143 within seconds, its upload aborted, no record for it, the other part untouched; finalize then refuses, naming the part, and writes no manifest',
  async () => {
    const { backupId, before, after, exit, took } = await stopPartTwo('parts-term', 'SIGTERM');
    expect(exit.code).toBe(143);
    expect(took).toBeLessThan(10_000);
    expect(exit.stderr).toMatch(/cancelled \(SIGTERM\)/);
    expect(await probe.openUploads('parts-term')).toEqual([]);
    expect(after).toEqual(before);
    const refused = await finalize('parts-term', backupId);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('part 2: its record part-002.json is missing');
    expect((await probe.objects('parts-term')).filter((key) => key.endsWith('/manifest.json'))).toEqual([]);
    expect((await listed(url('parts-term'), cli())).filter((b) => b.complete)).toEqual([]);
    return `exit 143 ${(took / 1000).toFixed(1)}s after SIGTERM; open uploads 0; objects unchanged (${after.length}); finalize exit 2: "part 2: its record part-002.json is missing"`;
  },
);

fault(
  'SIGKILL of one part of a backup in parts during its upload',
  'no record for it and no archive of it appears; finalize refuses naming the part; the backup is not listed as complete',
  async () => {
    const { backupId, after, exit } = await stopPartTwo('parts-kill', 'SIGKILL');
    expect(exit.signal).toBe('SIGKILL');
    expect(after.filter((key) => key.includes('/part-002.'))).toEqual([]);
    const refused = await finalize('parts-kill', backupId);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('part 2: its record part-002.json is missing');
    expect((await listed(url('parts-kill'), cli())).filter((b) => b.complete)).toEqual([]);
    const open = await probe.openUploads('parts-kill');
    return `killed; no part-002 object; finalize exit 2 naming part 2; not complete; open uploads left for the sweep: ${open.length}`;
  },
);

fault(
  'a part re-run before finalize, and a part of a finalized backup',
  'the re-run part replaces its own objects and the backup then commits; once finalized, a part is refused (exit 2)',
  async () => {
    const prefix = 'parts-rerun';
    const backupId = await plan(prefix);
    for (const part of [2, 1, 1]) {
      const run = await runShipkit(partArgs(prefix, backupId, part), options());
      expect(run.code).toBe(0);
    }
    const done = await finalize(prefix, backupId);
    expect(done.code).toBe(0);
    const backups = await listed(url(prefix), cli());
    expect(backups).toMatchObject([{ id: backupId, complete: true }]);
    const again = await runShipkit(partArgs(prefix, backupId, 2), options());
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('is already finalized');
    return `part 1 run twice, finalize exit 0, listed complete; a part of the finalized backup refused (exit 2)`;
  },
);

/** A finalized backup of `db` in three parts under `prefix`; returns its URL. */
async function finalizedInThree(prefix: string): Promise<string> {
  const planned = await runShipkit(
    ['backup', 'plan', '--json', '--to', url(prefix), '--parts', '3', '--include', db, ...cli().flags],
    options(),
  );
  expect(planned.code).toBe(0);
  const { backupId } = JSON.parse(planned.stdout) as { backupId: string };
  for (const part of [1, 2, 3])
    expect((await runShipkit(partArgs(prefix, backupId, part), options())).code).toBe(0);
  expect((await finalize(prefix, backupId)).code).toBe(0);
  return `${url(prefix)}/${backupId}`;
}

/** What a database holds, by collection: documents as raw BSON in _id order. */
async function contents(target: string): Promise<Record<string, Buffer[]>> {
  const result: Record<string, Buffer[]> = {};
  for (const { name } of await client.db(target).listCollections({}, { nameOnly: true }).toArray()) {
    result[name] = (await client
      .db(target)
      .collection(name)
      .find({}, { raw: true, sort: { _id: 1 } })
      .toArray()) as unknown as Buffer[];
  }
  return result;
}

fault(
  'SIGKILL of a restore --drop while three parts are inserted at once',
  'the target keeps every document it held; only staging collections are left; a re-run removes them and restores the backup',
  async () => {
    const from = await finalizedInThree('parts-restore-kill');
    const live = uniqueName('fault_parts_live');
    await client.db(live).collection<{ _id: string }>('blobs').insertOne({ _id: 'held before the restore' });
    await client.db(live).collection<{ _id: string }>('notes').insertOne({ _id: 'written after the backup' });
    const before = await contents(live);
    const args = ['restore', '--from', from, '--ns-from', `${db}.*`, '--ns-to', `${live}.*`, '--drop'];
    const restoreOptions = { env: { ...options().env } };
    try {
      const started = startShipkit([...args, '--parallel-parts', '3', ...cli().flags], restoreOptions);
      // Staged documents arriving: the parts are being read and inserted.
      const staging = /^_shipkit_restore_[0-9a-f]{8}_new_blobs$/;
      let staged = 0;
      await probe.until('documents in the staging collection', async () => {
        const names = (await client.db(live).listCollections({}, { nameOnly: true }).toArray()).map(
          (c) => c.name,
        );
        const name = names.find((n) => staging.test(n));
        staged = name ? await client.db(live).collection(name).estimatedDocumentCount() : 0;
        return staged > 0;
      });
      started.signal('SIGKILL');
      const killed = await started.exited;
      expect(killed.signal).toBe('SIGKILL');
      const after = await contents(live);
      const leftovers = Object.keys(after).filter((name) => !(name in before));
      for (const name of leftovers) expect(name).toMatch(staging);
      for (const name of Object.keys(before)) expect(after[name]).toEqual(before[name]);

      const again = await runShipkit([...args, '--parallel-parts', '3', ...cli().flags], restoreOptions);
      expect(again.code).toBe(0);
      for (const name of leftovers) {
        expect(again.stderr).toContain(`removing ${live}.${name}: restored data of an interrupted restore`);
      }
      const restored = await contents(live);
      expect(Object.keys(restored).sort()).toEqual(['blobs', 'notes']);
      expect(restored.blobs).toEqual((await contents(db)).blobs);
      expect(restored.notes).toEqual(before.notes);
      return `killed with ${staged} documents staged; ${leftovers.length} staging collection(s) left, ${live} unchanged; the re-run exited 0 with the backup's ${restored.blobs?.length} documents`;
    } finally {
      await client.db(live).dropDatabase();
    }
  },
);
