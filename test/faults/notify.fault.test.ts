/**
 * Notifications never decide a backup's fate, and the anomaly guard protects the last good backup:
 * a receiver that hangs or answers 500 for ever costs bounded time and a warning, never a failed
 * backup; a collection that lost 90% of its documents is flagged, and the backup from before it
 * survives a prune that would otherwise keep only the newest.
 */
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { MongoClient } from 'mongodb';
import { HookReceiver } from '../fakes/hooks';
import { testEnv, uniqueName } from '../support/env';
import { runShipkit } from '../support/shipkit-process';
import { fault, scratchDir } from './harness';

let client: MongoClient;
let db: string;
let dir: { path: string; remove(): Promise<void> };

beforeAll(async () => {
  client = await new MongoClient(testEnv().mongodbUri).connect();
  db = uniqueName('fault_notify');
  await client
    .db(db)
    .collection<{ _id: number }>('orders')
    .insertMany(Array.from({ length: 1000 }, (_, i) => ({ _id: i, total: i })));
  await client
    .db(db)
    .collection<{ _id: number }>('customers')
    .insertMany(Array.from({ length: 1000 }, (_, i) => ({ _id: i })));
  dir = await scratchDir('notify');
});

afterAll(async () => {
  await client.db(db).dropDatabase();
  await client.close();
  await dir.remove();
});

const shipkit = (argv: string[], env: Record<string, string> = {}) =>
  runShipkit(argv, { env: { MONGODB_URI: testEnv().mongodbUri, ...env } });

/** The backups with a manifest under a file:// prefix. */
async function committed(prefix: string): Promise<string[]> {
  const ids = await readdir(prefix);
  const withManifest = await Promise.all(
    ids.map(async (id) => ((await readdir(`${prefix}/${id}`)).includes('manifest.json') ? id : '')),
  );
  return withManifest.filter(Boolean).sort();
}

fault(
  'a notification receiver that never answers',
  'each try is abandoned at --notify-timeout (3 tries): the backup is committed, exits 0, and warns',
  async () => {
    const hook = await HookReceiver.start(() => 'hang');
    try {
      const prefix = `${dir.path}/hang`;
      const started = Date.now();
      const run = await shipkit(
        ['backup', '--to', `file://${prefix}`, '--include', db, '--notify-timeout', '2s'],
        { SHIPKIT_NOTIFY: `${hook.url}/hook/tok-hang-91c2` },
      );
      const seconds = (Date.now() - started) / 1000;
      expect(run.code).toBe(0);
      expect(await committed(prefix)).toHaveLength(1);
      expect(run.stderr).toContain('not delivered: no answer within 2s (after 3 tries)');
      expect(hook.requests).toHaveLength(3);
      expect(seconds).toBeLessThan(60);
      expect(run.everything).not.toContain('tok-hang-91c2');
      return `exit 0 after ${seconds.toFixed(1)}s, backup committed, ${hook.requests.length} tries, warning "no answer within 2s (after 3 tries)"`;
    } finally {
      await hook.stop();
    }
  },
);

fault(
  'a notification receiver that answers 500 for ever',
  'bounded retries (3 tries with backoff), a warning, exit 0: the backup stays a success',
  async () => {
    const hook = await HookReceiver.start(() => 500);
    try {
      const prefix = `${dir.path}/500`;
      const run = await shipkit(['backup', '--to', `file://${prefix}`, '--include', db], {
        SHIPKIT_NOTIFY: `${hook.url}/hook/tok-500-77ab`,
        SHIPKIT_HEARTBEAT: `${hook.url}/ping/hc-500`,
      });
      expect(run.code).toBe(0);
      expect(await committed(prefix)).toHaveLength(1);
      // 3 tries of the event, 3 of the heartbeat's start, 3 of its success.
      expect(hook.to('/hook/')).toHaveLength(3);
      expect(hook.to('/ping/hc-500')).toHaveLength(6);
      expect(run.stderr).toMatch(/backup\.succeeded not delivered: answered HTTP 500 \(after 3 tries\)/);
      expect(run.everything).not.toContain('tok-500-77ab');
      return `exit 0, backup committed, ${hook.requests.length} requests in all (3 per message), warnings for each`;
    } finally {
      await hook.stop();
    }
  },
);

fault(
  '90% of one collection deleted between two backups',
  'the second backup is committed with the anomaly and exits 3 naming the namespace; prune --keep-last 1 keeps the backup from before it',
  async () => {
    const prefix = `${dir.path}/anomaly`;
    const first = await shipkit(['backup', '--to', `file://${prefix}`, '--include', db, '--json']);
    expect(first.code).toBe(0);
    const before = JSON.parse(first.stdout).backupId as string;
    await client
      .db(db)
      .collection<{ _id: number }>('orders')
      .deleteMany({ _id: { $gte: 100 } });
    await new Promise((resolve) => setTimeout(resolve, 1100)); // backup ids are to the second
    const second = await shipkit(['backup', '--to', `file://${prefix}`, '--include', db, '--json']);
    expect(second.code).toBe(3);
    expect(second.stderr).toContain(`${db}.orders 1000 → 100`);
    const after = JSON.parse(second.stdout).backupId as string;
    expect(await committed(prefix)).toEqual([before, after]);
    const pruned = await shipkit(['prune', '--at', `file://${prefix}`, '--keep-last', '1', '--json']);
    expect(pruned.code).toBe(0);
    const result = JSON.parse(pruned.stdout) as {
      kept: { id: string; reasons: string[] }[];
      removed: string[];
    };
    expect(result.removed).toEqual([]);
    expect(result.kept.find((k) => k.id === before)?.reasons).toEqual([`before the anomaly in ${after}`]);
    expect(await committed(prefix)).toEqual([before, after]);
    return `exit 3 ("${db}.orders 1000 → 100"), both backups committed; prune --keep-last 1 removed nothing, kept ${before} "before the anomaly"`;
  },
);
