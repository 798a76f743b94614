/**
 * The catalogue under faults, through the bundled CLI: one damaged manifest next to a good backup,
 * retention over backups of which only older ones are verified, and a partial restore after a full
 * verification. "Complete" and "verified" are proven from what is stored, never presumed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { MongoClient } from 'mongodb';
import { testEnv, uniqueName } from '../support/env';
import { runShipkit } from '../support/shipkit-process';
import { fault, scratchDir } from './harness';

let client: MongoClient;
let db: string;
let dir: { path: string; remove(): Promise<void> };
const dropAfter: string[] = [];

beforeAll(async () => {
  client = await new MongoClient(testEnv().mongodbUri).connect();
  db = uniqueName('fault_catalog');
  dropAfter.push(db);
  await client
    .db(db)
    .collection<{ _id: number }>('orders')
    .insertMany(Array.from({ length: 1000 }, (_, i) => ({ _id: i, total: i * 3, note: `order ${i}` })));
  await client
    .db(db)
    .collection<{ _id: number }>('customers')
    .insertMany(Array.from({ length: 300 }, (_, i) => ({ _id: i, name: `customer ${i}` })));
  dir = await scratchDir('catalog');
});

afterAll(async () => {
  for (const name of dropAfter) await client.db(name).dropDatabase();
  await client.close();
  await dir.remove();
});

const env = () => ({ MONGODB_URI: testEnv().mongodbUri, SCRATCH_MONGODB_URI: testEnv().mongodbUri });
const shipkit = (argv: string[]) => runShipkit(argv, { env: env() });

async function backUpInto(prefix: string): Promise<string> {
  // Backup ids are named to the second; start each one in a new second so "newer" is unambiguous.
  await sleep(1000 - (Date.now() % 1000) + 5);
  const run = await shipkit(['backup', '--to', `file://${prefix}`, '--include', db, '--json']);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout).backupId as string;
}

interface Listed {
  id: string;
  state: string;
  damage: string[];
  verification?: { mode: string; scope: string; verifiedAt: string };
}

async function list(prefix: string): Promise<Listed[]> {
  const run = await shipkit(['list', '--at', `file://${prefix}`, '--json']);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout).backups;
}

fault(
  'a newer backup whose manifest.json is cut short, next to a good one',
  'list works and shows it DAMAGED; prune keeps the good one; check-freshness ignores it; verify --latest skips it',
  async () => {
    const prefix = join(dir.path, 'cut-manifest');
    const good = await backUpInto(prefix);
    const damaged = await backUpInto(prefix);
    const manifest = join(prefix, damaged, 'manifest.json');
    const text = await readFile(manifest);
    await writeFile(manifest, text.subarray(0, Math.floor(text.length / 2)));

    const listed = await shipkit(['list', '--at', `file://${prefix}`]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`${damaged} +DAMAGED`));
    expect(listed.stdout).toMatch(new RegExp(`${good} +complete`));
    expect(listed.stdout).toMatch(
      new RegExp(`DAMAGED ${damaged}:\\n {2}- manifest\\.json is not valid JSON`),
    );

    const dryRun = await shipkit([
      'prune',
      '--at',
      `file://${prefix}`,
      '--keep-last',
      '1',
      '--dry-run',
      '--json',
    ]);
    expect(dryRun.code).toBe(0);
    const plan = JSON.parse(dryRun.stdout);
    expect(plan.kept).toEqual([{ id: good, reasons: ['last 1', 'newest complete'] }]);
    expect(plan.removed).toEqual([]);
    expect(plan.damaged).toEqual([
      { id: damaged, reason: expect.stringMatching(/^manifest\.json is not valid JSON/), deleted: false },
    ]);
    const pruned = await shipkit(['prune', '--at', `file://${prefix}`, '--keep-last', '1']);
    expect(pruned.code).toBe(0);
    expect((await list(prefix)).map((b) => [b.id, b.state])).toEqual([
      [damaged, 'damaged'],
      [good, 'complete'],
    ]);

    const fresh = await shipkit([
      'check-freshness',
      '--at',
      `file://${prefix}`,
      '--max-age',
      '26h',
      '--json',
    ]);
    expect(JSON.parse(fresh.stdout)).toMatchObject({ fresh: true, newest: { id: good }, qualifying: 1 });

    const latest = await shipkit(['verify', '--from', `file://${prefix}`, '--latest']);
    expect(latest.code).toBe(0);
    expect(latest.stdout).toContain(`verification of backup ${good} PASSED`);
    expect(latest.stderr).toContain(`passed over damaged backup ${damaged}: manifest.json is not valid JSON`);
    return (
      `list exit 0, ${damaged.slice(-6)} DAMAGED; prune kept ${plan.kept.map((k: { id: string }) => k.id.slice(-6))} ` +
      `and reported the damaged one (removed ${plan.removed.length}); freshness counted ${good.slice(-6)}; ` +
      `verify --latest verified ${good.slice(-6)} and warned it passed over ${damaged.slice(-6)}`
    );
  },
);

fault(
  'prune --keep-last 2 when only the two older of four backups are verified',
  'the newest verified backup survives (kept as "newest verified"), with the two newest',
  async () => {
    const prefix = join(dir.path, 'older-verified');
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      ids.push(await backUpInto(prefix));
      // Backup ids have one-second resolution: keep them apart and in order.
      await new Promise((done) => setTimeout(done, 1100));
    }
    const [a, b, c, d] = ids as [string, string, string, string];
    for (const id of [a, b])
      expect((await shipkit(['verify', '--from', `file://${prefix}/${id}`])).code).toBe(0);
    const run = await shipkit(['prune', '--at', `file://${prefix}`, '--keep-last', '2', '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.kept).toEqual([
      { id: d, reasons: ['last 1', 'newest complete'] },
      { id: c, reasons: ['last 2'] },
      { id: b, reasons: ['newest verified'] },
    ]);
    const left = (await list(prefix)).map((entry) => [entry.id, entry.state]);
    expect(left).toEqual([
      [d, 'complete'],
      [c, 'complete'],
      [b, 'verified'],
    ]);
    return `kept ${result.kept.map((k: { id: string; reasons: string[] }) => `${k.id.slice(-6)} (${k.reasons.join('; ')})`).join(', ')}; removed ${result.removed.map((id: string) => id.slice(-6))} (the older verified one)`;
  },
);

fault(
  'a one-collection restore after a full verification',
  'list still shows the full verification; the restore keeps a partial record of its own, not counted',
  async () => {
    const prefix = join(dir.path, 'partial-restore');
    const id = await backUpInto(prefix);
    const full = await shipkit(['verify', '--from', `file://${prefix}/${id}`, '--mode', 'full']);
    expect(full.code).toBe(0);
    const target = uniqueName('fault_partial');
    dropAfter.push(target);
    const restore = await shipkit([
      'restore',
      '--from',
      `file://${prefix}/${id}`,
      '--include',
      `${db}.orders`,
      '--ns-from',
      `${db}.orders`,
      '--ns-to',
      `${target}.orders`,
    ]);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(`recorded: file://${prefix}/${id}/verification.restore.partial.json`);
    const [entry] = await list(prefix);
    expect(entry).toMatchObject({ id, state: 'verified', verification: { mode: 'full', scope: 'all' } });
    const inspect = JSON.parse((await shipkit(['inspect', `file://${prefix}/${id}`, '--json'])).stdout);
    const partial = inspect.verifications.find((v: { scope: string }) => v.scope === 'partial');
    expect(partial).toMatchObject({ mode: 'restore', namespaces: 1, documents: 1000, counts: false });
    return `list: ${entry?.state} (${entry?.verification?.mode}, ${entry?.verification?.scope}); partial record: restore of ${partial.namespaces} namespace, ${partial.documents} documents, not counted`;
  },
);
