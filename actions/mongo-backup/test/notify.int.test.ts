// Notifications, the heartbeat and the anomaly guard through the bundled actions, as a workflow runs
// them (INPUT_*, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, exit code), with loopback receivers.
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { MongoClient } from 'mongodb';
import { fileDestination } from '../../../packages/backup/test/support';
import { HookReceiver } from '../../../test/fakes/hooks';
import { runAction } from '../../../test/runner';
import { testEnv, uniqueName } from '../../../test/support/env';

const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const verifyEntry = fileURLToPath(new URL('../../verify-restore/dist/index.js', import.meta.url));
let client: MongoClient;
let hooks: HookReceiver | undefined;
const db = uniqueName('action_notify');

beforeAll(async () => {
  client = await new MongoClient(testEnv().mongodbUri).connect();
  await client
    .db(db)
    .collection<{ _id: number }>('orders')
    .insertMany(Array.from({ length: 200 }, (_, i) => ({ _id: i })));
  await client
    .db(db)
    .collection<{ _id: number }>('customers')
    .insertMany(Array.from({ length: 300 }, (_, i) => ({ _id: i })));
});

afterEach(async () => {
  await hooks?.stop();
  hooks = undefined;
});

afterAll(async () => {
  await client.db(db).dropDatabase();
  await client.close();
});

describe('mongo-backup and verify-restore actions: notify, heartbeat, anomaly', () => {
  it('notifies, pings the heartbeat, masks every URL; an open anomaly fails the step after the backup is committed', async () => {
    hooks = await HookReceiver.start();
    const hook = `${hooks.url}/services/T0/B0/tok-action-3f9e1a`;
    const heartbeat = `${hooks.url}/ping/hc-action-77c1`;
    const destination = await fileDestination();
    const inputs = {
      'mongodb-uri': testEnv().mongodbUri,
      destination,
      include: db,
      notify: `slack+${hook}`,
      heartbeat,
    };
    const first = await runAction(entry, { inputs });
    expect(first.exitCode).toBe(0);
    expect(first.outputs.anomaly).toBe('false');
    expect(first.summary).toContain('#### Notifications');
    expect(first.summary).toMatch(/\| slack \(127\.0\.0\.1:\d+\) \| backup\.succeeded \| delivered \| 1 \|/);
    expect(first.stdout).toContain(`::add-mask::${hook}`);
    expect(hooks.to('/ping/hc-action-77c1/start')).toHaveLength(1);

    const verified = await runAction(verifyEntry, {
      inputs: { source: destination, backup: first.outputs['backup-id'], mode: 'integrity', notify: hook },
    });
    expect(verified.exitCode).toBe(0);
    expect(JSON.parse(hooks.to('/services/')[1]?.body ?? '{}')).toMatchObject({
      event: 'verify.succeeded',
      backupId: first.outputs['backup-id'],
    });

    await client
      .db(db)
      .collection<{ _id: number }>('orders')
      .deleteMany({ _id: { $gte: 10 } });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await runAction(entry, { inputs });
    expect(second.exitCode).toBe(1);
    expect(second.outputs.anomaly).toBe('true');
    expect(second.outputs['backup-id']).toMatch(/Z-[0-9a-f]{6}$/);
    expect(second.annotations).toContainEqual({
      level: 'error',
      message: expect.stringContaining(`${db}.orders 200 → 10`),
    });
    expect(second.summary).toContain('**ANOMALY**');
    expect(second.summary).toContain(`| ${db}.orders | 200 | 10 |`);
    const slack = JSON.parse(hooks.to('/services/').at(-1)?.body ?? '{}');
    expect(slack.text).toContain('backup.anomaly');
    expect(hooks.to('/ping/hc-action-77c1/fail')).toHaveLength(1);
    for (const run of [first, verified, second]) {
      expect(run.everything).not.toContain('tok-action-3f9e1a');
      expect(run.everything).not.toContain('hc-action-77c1');
    }
    for (const request of hooks.requests) expect(request.body).not.toContain('tok-action-3f9e1a');
  });

  it('a hook that cannot be reached is a warning and a summary row; the backup succeeds', async () => {
    const closed = await HookReceiver.start();
    await closed.stop();
    const result = await runAction(entry, {
      inputs: {
        'mongodb-uri': testEnv().mongodbUri,
        destination: await fileDestination(),
        include: db,
        notify: `${closed.url}/hook`,
        'notify-timeout': '2s',
        'anomaly-drop': '0',
      },
    });
    expect(result.exitCode).toBe(0);
    expect(result.annotations).toContainEqual({
      level: 'warning',
      message: expect.stringMatching(/backup\.succeeded not delivered: could not connect \(ECONNREFUSED\)/),
    });
    expect(result.summary).toMatch(
      /\*\*not delivered\*\*: could not connect \(ECONNREFUSED\) \(after 3 tries\) \| 3 \|/,
    );
  });
});
