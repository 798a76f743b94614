/**
 * Runs that overlap on one prefix, as real processes of the bundled CLI: two backups at once, prune
 * while a backup is running, and verify while prune deletes the very backup it reads. A process is
 * paused (SIGSTOP) at a chosen moment so the other one runs in between, every time.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { newBackupId } from '@shipkit/backup';
import { FileStorage } from '@shipkit/storage';
import { MongoClient } from 'mongodb';
import { testEnv, uniqueName } from '../support/env';
import { runShipkit, startShipkit } from '../support/shipkit-process';
import { fault, scratchDir } from './harness';

let client: MongoClient;
let db: string;
let dir: { path: string; remove(): Promise<void> };

beforeAll(async () => {
  client = await new MongoClient(testEnv().mongodbUri).connect();
  db = uniqueName('fault_concurrency');
  await client
    .db(db)
    .collection<{ _id: number }>('orders')
    .insertMany(Array.from({ length: 2000 }, (_, i) => ({ _id: i, total: i * 3, note: `order ${i}` })));
  dir = await scratchDir('concurrency');
});

afterAll(async () => {
  await client.db(db).dropDatabase();
  await client.close();
  await dir.remove();
});

function s3Env() {
  const { s3, mongodbUri } = testEnv();
  return {
    MONGODB_URI: mongodbUri,
    S3_ENDPOINT: s3.endpoint,
    AWS_ACCESS_KEY_ID: s3.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
    AWS_REGION: s3.region,
  };
}

const fileEnv = () => ({ MONGODB_URI: testEnv().mongodbUri });

interface Listed {
  id: string;
  state: string;
}

async function list(at: string, env: Record<string, string>): Promise<Listed[]> {
  const run = await runShipkit(['list', '--at', at, '--json'], { env });
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout).backups;
}

fault('two backups into one prefix at once', 'both complete, both listed', async () => {
  const at = `s3://${testEnv().s3.bucket}/${uniqueName('together')}`;
  const runs = [0, 1].map(() =>
    startShipkit(['backup', '--to', at, '--include', db, '--json'], { env: s3Env() }),
  );
  const exits = await Promise.all(runs.map((run) => run.exited));
  expect(exits.map((exit) => exit.code)).toEqual([0, 0]);
  const ids = exits.map((exit) => JSON.parse(exit.stdout).backupId as string);
  expect(new Set(ids).size).toBe(2);
  const listed = await list(at, s3Env());
  expect(listed.map((b) => [b.id, b.state]).sort()).toEqual(ids.map((id) => [id, 'complete']).sort());
  return `both exited 0; list: ${listed.map((b) => `${b.id.slice(-6)} ${b.state}`).join(', ')}`;
});

fault(
  'prune while a backup is running on the same prefix',
  'the running backup survives and completes; prune still removes and sweeps what it should',
  async () => {
    const prefix = join(dir.path, 'prune-during-backup');
    const at = `file://${prefix}`;
    const storage = new FileStorage({ kind: 'file', root: prefix });
    const first = await runShipkit(['backup', '--to', at, '--include', db, '--json'], { env: fileEnv() });
    const older = JSON.parse(first.stdout).backupId as string;
    // Debris of a run that died two days ago: past the grace period, so prune sweeps it.
    const debris = newBackupId(new Date(Date.now() - 48 * 3_600_000));
    await storage.put(`${debris}/archive.mongodump.zst`, Buffer.from('half an upload'));

    const running = startShipkit(['backup', '--to', at, '--include', db, '--json'], { env: fileEnv() });
    await running.waitFor(/backup \S+ → /);
    running.signal('SIGSTOP');
    let seen: string[];
    let prune: Awaited<ReturnType<typeof runShipkit>>;
    try {
      seen = (await readdir(prefix, { recursive: true })).map(String);
      prune = await runShipkit(['prune', '--at', at, '--keep-last', '1', '--json'], { env: fileEnv() });
    } finally {
      running.signal('SIGCONT');
    }
    const done = await running.exited;
    expect(prune.code).toBe(0);
    expect(done.code).toBe(0);
    const result = JSON.parse(prune.stdout);
    expect(result.swept).toEqual([debris]);
    const id = JSON.parse(done.stdout).backupId as string;
    const listed = await list(at, fileEnv());
    expect(listed.map((b) => [b.id, b.state])).toEqual([
      [id, 'complete'],
      [older, 'complete'],
    ]);
    const partial = seen.filter((name) => name.includes('.partial-'));
    return (
      `prune ran while the backup was stopped (${partial.length ? `its upload ${partial.length} partial file(s) in progress` : 'nothing of it stored yet'}): ` +
      `kept ${result.kept.map((k: { id: string }) => k.id.slice(-6))}, swept ${result.swept.map((s: string) => s.slice(-6))}; ` +
      `the backup then exited ${done.code} and is listed ${listed[0]?.state}`
    );
  },
);

fault(
  'verify while prune deletes the same backup',
  'no verification record is left in the deleted backup; the run fails saying the backup disappeared',
  async () => {
    const prefix = join(dir.path, 'verify-during-prune');
    const at = `file://${prefix}`;
    const backUp = async () =>
      JSON.parse(
        (await runShipkit(['backup', '--to', at, '--include', db, '--json'], { env: fileEnv() })).stdout,
      ).backupId as string;
    const doomed = await backUp();
    await new Promise((done) => setTimeout(done, 1100));
    const newer = await backUp();

    const verify = startShipkit(['verify', '--from', `${at}/${doomed}`], { env: fileEnv() });
    await verify.waitFor(/reading /);
    verify.signal('SIGSTOP');
    let prune: Awaited<ReturnType<typeof runShipkit>>;
    try {
      prune = await runShipkit(['prune', '--at', at, '--keep-last', '1', '--json'], { env: fileEnv() });
    } finally {
      verify.signal('SIGCONT');
    }
    const verified = await verify.exited;
    expect(prune.code).toBe(0);
    expect(JSON.parse(prune.stdout).removed).toEqual([doomed]);
    expect(verified.code).not.toBe(0);
    expect(verified.stderr).toContain(`backup ${doomed} disappeared while it was being read`);
    const left = (await readdir(prefix, { recursive: true })).map(String);
    expect(left.filter((name) => name.startsWith(`${doomed}/`))).toEqual([]);
    const listed = await list(at, fileEnv());
    expect(listed.map((b) => [b.id, b.state])).toEqual([[newer, 'complete']]);
    const line = verified.stderr.split('\n').find((l) => l.includes('disappeared')) ?? '';
    return `prune removed ${doomed.slice(-6)}; verify exited ${verified.code}: ${line.trim()}; files left of it: ${left.filter((name) => name.startsWith(`${doomed}/`)).length}; list: ${listed.map((b) => `${b.id.slice(-6)} ${b.state}`).join(', ')}`;
  },
);
