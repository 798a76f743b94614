// Notifications, the heartbeat and the anomaly guard, through the bundle users run, against the real
// MongoDB-compatible server and S3 server, with real HTTP receivers on loopback standing in for Slack,
// Teams, a user's own webhook and healthchecks.io.

import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { notificationSchema } from '@shipkit/notify';
import { MongoClient } from 'mongodb';
import { HookReceiver, type ReceivedRequest } from '../../../../test/fakes/hooks';
import { testEnv, uniqueName } from '../../../../test/support/env';
import { runShipkit, type ShipkitExit } from '../../../../test/support/shipkit-process';
import { expectExit, expectNoSecret, s3Env, secretsOf, serverSecrets, stdoutJson } from './support';

const SIGNING_SECRET = 'whsec-notify-test-7f3a9c';
let client: MongoClient;
let receivers: HookReceiver[] = [];
let hooks: HookReceiver;
const db = uniqueName('notify_shop');

async function receiver(...args: Parameters<typeof HookReceiver.start>): Promise<HookReceiver> {
  const started = await HookReceiver.start(...args);
  receivers.push(started);
  return started;
}

/** Hook URLs as a provider issues them: the token is in the path. */
function hookUrl(base: string, kind: string): string {
  return `${base}/services/${kind}/T0NOTIFY/tok-${kind}-5e1d2c9b8a`;
}

function secretsOfRun(urls: string[]): string[] {
  return [
    ...serverSecrets(),
    ...secretsOf(SIGNING_SECRET, ...urls),
    ...urls.map((u) => u.split('/').at(-1) as string),
  ];
}

/** No body any receiver got holds a secret. */
function expectNoSecretSent(requests: ReceivedRequest[], secrets: string[]): void {
  for (const request of requests) {
    for (const secret of secrets) {
      if (request.body.includes(secret) || request.path.includes(SIGNING_SECRET)) {
        throw new Error(`a request to ${request.path} carried a secret (${secret.length} chars)`);
      }
    }
  }
}

async function shipkit(argv: string[], env: Record<string, string>, secrets: string[]): Promise<ShipkitExit> {
  const run = await runShipkit(argv, { env: { MONGODB_URI: testEnv().mongodbUri, ...s3Env(), ...env } });
  expectNoSecret(run, secrets);
  return run;
}

beforeAll(async () => {
  client = await new MongoClient(testEnv().mongodbUri).connect();
  await client
    .db(db)
    .collection<{ _id: number }>('orders')
    .insertMany(Array.from({ length: 1000 }, (_, i) => ({ _id: i, total: i })));
  await client
    .db(db)
    .collection<{ _id: number }>('customers')
    .insertMany(Array.from({ length: 40 }, (_, i) => ({ _id: i, name: `c${i}` })));
});

afterEach(async () => {
  await Promise.all(receivers.map((r) => r.stop()));
  receivers = [];
});

afterAll(async () => {
  await client.db(db).dropDatabase();
  await client.close();
});

describe('notifications', () => {
  it('a backup tells a signed webhook, Slack, Teams and the heartbeat, and prints no secret', async () => {
    hooks = await receiver();
    const webhook = hookUrl(hooks.url, 'webhook');
    const slack = `slack+${hookUrl(hooks.url, 'slack')}`;
    const teams = `teams+${hookUrl(hooks.url, 'teams')}`;
    const heartbeat = `${hooks.url}/ping/hc-uuid-0b7e`;
    const secrets = secretsOfRun([
      webhook,
      hookUrl(hooks.url, 'slack'),
      hookUrl(hooks.url, 'teams'),
      heartbeat,
    ]);
    const destination = `s3://${testEnv().s3.bucket}/${uniqueName('notify-ok')}`;
    const run = await shipkit(
      ['backup', '--to', destination, '--include', db, '--notify', webhook, '--notify', slack, '--json'],
      {
        SHIPKIT_NOTIFY_SECRET: SIGNING_SECRET,
        SHIPKIT_HEARTBEAT: heartbeat,
        // A flag wins over its variable, as for every option: Teams gets nothing.
        SHIPKIT_NOTIFY: teams,
      },
      secrets,
    );
    expectExit(run, 0);
    const { backupId } = stdoutJson<{ backupId: string }>(run);

    const [generic] = hooks.to('/services/webhook/');
    expect(generic).toBeDefined();
    const header = String(generic?.headers['x-shipkit-signature']);
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header) ?? [];
    expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(120);
    expect(v1).toBe(createHmac('sha256', SIGNING_SECRET).update(`${t}.${generic?.body}`).digest('hex'));
    const body = JSON.parse(generic?.body ?? '');
    expect(body).toMatchObject({
      version: 1,
      event: 'backup.succeeded',
      backupId,
      destination,
      documents: 1040,
      tool: { name: 'mongo-shipkit' },
    });
    expect(body.summary).toContain(backupId);
    expect(notificationSchema.safeParse(body).success).toBe(true);

    const slackBody = JSON.parse(hooks.to('/services/slack/')[0]?.body ?? '{}');
    expect(slackBody.text).toContain('backup.succeeded');
    expect(slackBody.blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: body.summary } });
    // The flag was given, so SHIPKIT_NOTIFY (Teams) was not used.
    expect(hooks.to('/services/teams/')).toHaveLength(0);

    expect(hooks.to('/ping/hc-uuid-0b7e/start')).toHaveLength(1);
    expect(hooks.requests.filter((r) => r.path === '/ping/hc-uuid-0b7e')).toHaveLength(1);
    expect(hooks.to('/ping/hc-uuid-0b7e/fail')).toHaveLength(0);
    expectNoSecretSent(hooks.requests, secrets);
  });

  it('a failed backup sends backup.failed (Teams) and /fail saying what failed; the exit code is the failure', async () => {
    hooks = await receiver();
    const teams = `teams+${hookUrl(hooks.url, 'teams')}`;
    const heartbeat = `${hooks.url}/ping/hc-fail`;
    const secrets = secretsOfRun([hookUrl(hooks.url, 'teams'), heartbeat]);
    const destination = `s3://${uniqueName('no-such-bucket')}/x`;
    const run = await shipkit(
      ['backup', '--to', destination, '--include', db, '--timeout', '60s'],
      { SHIPKIT_NOTIFY: teams, SHIPKIT_HEARTBEAT: heartbeat },
      secrets,
    );
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/error: /);
    const card = JSON.parse(hooks.to('/services/teams/')[0]?.body ?? '{}');
    expect(card.type).toBe('message');
    const content = card.attachments[0].content;
    expect(content.type).toBe('AdaptiveCard');
    expect(content.body[0].text).toContain('backup.failed');
    const [fail] = hooks.to('/ping/hc-fail/fail');
    expect(fail?.body).toMatch(/backup .*failed/);
    expect(hooks.to('/ping/hc-fail/start')).toHaveLength(1);
    expectNoSecretSent(hooks.requests, secrets);
  });

  it('a hook that answers 500 for ever is a warning after 3 tries: the backup still exits 0', async () => {
    hooks = await receiver(() => 500);
    const webhook = hookUrl(hooks.url, 'webhook');
    const secrets = secretsOfRun([webhook]);
    const run = await shipkit(
      ['backup', '--to', `s3://${testEnv().s3.bucket}/${uniqueName('notify-500')}`, '--include', db],
      { SHIPKIT_NOTIFY: webhook },
      secrets,
    );
    expectExit(run, 0);
    expect(run.stderr).toMatch(
      /warning: notification webhook \(127\.0\.0\.1:\d+\): backup\.succeeded not delivered: answered HTTP 500 \(after 3 tries\)/,
    );
    expect(hooks.requests).toHaveLength(3);
  });

  it('check-freshness pings the heartbeat, and a stale result sends freshness.stale and /fail', async () => {
    hooks = await receiver();
    const heartbeat = `${hooks.url}/ping/watchdog`;
    const webhook = hookUrl(hooks.url, 'webhook');
    const secrets = secretsOfRun([heartbeat, webhook]);
    const at = `s3://${testEnv().s3.bucket}/${uniqueName('notify-empty')}`;
    const run = await shipkit(
      ['check-freshness', '--at', at, '--max-age', '26h', '--heartbeat', heartbeat, '--notify', webhook],
      {},
      secrets,
    );
    expectExit(run, 1);
    expect(hooks.to('/ping/watchdog/fail')).toHaveLength(1);
    expect(JSON.parse(hooks.to('/services/webhook/')[0]?.body ?? '{}')).toMatchObject({
      event: 'freshness.stale',
      destination: at,
    });
  });
  it('a restore drill tells the hook and the heartbeat: drill.succeeded, then drill.failed naming the missed RPO', async () => {
    hooks = await receiver();
    const heartbeat = `${hooks.url}/ping/hc-drill-4c1f`;
    const webhook = hookUrl(hooks.url, 'webhook');
    const secrets = secretsOfRun([heartbeat, webhook]);
    const at = `s3://${testEnv().s3.bucket}/${uniqueName('notify-drill')}`;
    expectExit(await shipkit(['backup', '--to', at, '--include', db], {}, secrets), 0);
    const drill = (rpo: string) =>
      shipkit(
        ['drill', '--from', at, '--older', 'none', '--rto', '1h', '--rpo', rpo],
        { SCRATCH_MONGODB_URI: testEnv().mongodbUri, SHIPKIT_NOTIFY: webhook, SHIPKIT_HEARTBEAT: heartbeat },
        secrets,
      );

    expectExit(await drill('1h'), 0);
    const passed = JSON.parse(hooks.to('/services/webhook/')[0]?.body ?? '{}');
    expect(passed).toMatchObject({ event: 'drill.succeeded', destination: at, documents: 1040 });
    expect(passed.summary).toMatch(/restore drill of .* PASSED: 1 restore, slowest/);
    expect(notificationSchema.safeParse(passed).success).toBe(true);
    expect(hooks.requests.filter((r) => r.path === '/ping/hc-drill-4c1f')).toHaveLength(1);

    await new Promise((resolve) => setTimeout(resolve, 1100)); // the backup is now older than 1s
    expectExit(await drill('1s'), 1);
    const failed = JSON.parse(hooks.to('/services/webhook/')[1]?.body ?? '{}');
    expect(failed).toMatchObject({ event: 'drill.failed', destination: at });
    expect(failed.failure).toMatch(/RPO missed: the newest backup .* old, over the 1(\.0)?s target/);
    expect(hooks.to('/ping/hc-drill-4c1f/fail')).toHaveLength(1);
    expectNoSecretSent(hooks.requests, secrets);
  });
});

describe('the anomaly guard', () => {
  it('90% of one collection deleted: flagged (exit 3), reported, and the backup before it survives prune --keep-last 1 until acknowledged', async () => {
    hooks = await receiver();
    const webhook = hookUrl(hooks.url, 'webhook');
    const secrets = secretsOfRun([webhook]);
    const at = `s3://${testEnv().s3.bucket}/${uniqueName('notify-anomaly')}`;
    const shop = uniqueName('anomaly_shop');
    await client
      .db(shop)
      .collection<{ _id: number }>('orders')
      .insertMany(Array.from({ length: 500 }, (_, i) => ({ _id: i })));
    await client
      .db(shop)
      .collection<{ _id: number }>('carts')
      .insertMany(Array.from({ length: 600 }, (_, i) => ({ _id: i }))); // the total falls by less than half
    try {
      const first = await shipkit(['backup', '--to', at, '--include', shop, '--json'], {}, secrets);
      expectExit(first, 0);
      const before = stdoutJson<{ backupId: string }>(first).backupId;
      await client
        .db(shop)
        .collection<{ _id: number }>('orders')
        .deleteMany({ _id: { $gte: 50 } });
      await new Promise((resolve) => setTimeout(resolve, 1100)); // ids are to the second
      const second = await shipkit(
        ['backup', '--to', at, '--include', shop, '--notify', webhook],
        {},
        secrets,
      );
      expectExit(second, 3);
      expect(second.stderr).toContain(`${shop}.orders 500 → 50`);
      expect(second.stdout).toContain('ANOMALY');
      const event = JSON.parse(hooks.to('/services/webhook/')[0]?.body ?? '{}');
      expect(event).toMatchObject({
        event: 'backup.anomaly',
        anomalies: [{ namespace: `${shop}.orders`, before: 500, after: 50 }],
      });
      const anomalous = event.backupId as string;

      const listed = await shipkit(['list', '--at', at], {}, secrets);
      expect(listed.stdout).toContain(`ANOMALY ${anomalous}: ${shop}.orders 500 → 50`);
      const inspected = stdoutJson<{ openAnomaly: boolean; anomaly: { comparedWith: string } }>(
        await shipkit(['inspect', `${at}/${anomalous}`, '--json'], {}, secrets),
      );
      expect(inspected).toMatchObject({ openAnomaly: true, anomaly: { comparedWith: before } });

      const pruned = await shipkit(['prune', '--at', at, '--keep-last', '1', '--json'], {}, secrets);
      expectExit(pruned, 0);
      const kept = stdoutJson<{ kept: { id: string; reasons: string[] }[]; removed: string[] }>(pruned);
      expect(kept.kept).toContainEqual({ id: before, reasons: [`before the anomaly in ${anomalous}`] });
      expect(kept.removed).toEqual([]);

      const acked = await shipkit(
        ['ack-anomaly', '--at', at, anomalous, '--note', 'purged old orders'],
        {},
        secrets,
      );
      expectExit(acked, 0);
      expect(acked.stdout).toContain(`acknowledged ${anomalous}`);
      const listedAfter = await shipkit(['list', '--at', at], {}, secrets);
      expect(listedAfter.stdout).toContain('anomaly (acknowledged)');

      const prunedAfter = stdoutJson<{ removed: string[] }>(
        await shipkit(['prune', '--at', at, '--keep-last', '1', '--json'], {}, secrets),
      );
      expect(prunedAfter.removed).toEqual([before]);
    } finally {
      await client.db(shop).dropDatabase();
    }
  });

  it('--accept-anomaly: the intended collapse is recorded as acknowledged and the backup exits 0', async () => {
    const at = `s3://${testEnv().s3.bucket}/${uniqueName('notify-accept')}`;
    const shop = uniqueName('accept_shop');
    await client
      .db(shop)
      .collection<{ _id: number }>('orders')
      .insertMany(Array.from({ length: 100 }, (_, i) => ({ _id: i })));
    try {
      expectExit(await shipkit(['backup', '--to', at, '--include', shop], {}, serverSecrets()), 0);
      await client
        .db(shop)
        .collection<{ _id: number }>('orders')
        .deleteMany({ _id: { $gte: 10 } });
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const accepted = await shipkit(
        ['backup', '--to', at, '--include', shop, '--accept-anomaly', '--json'],
        {},
        serverSecrets(),
      );
      expectExit(accepted, 0);
      const listed = stdoutJson<{ backups: { openAnomaly?: boolean; anomalyAcknowledgedAt?: string }[] }>(
        await shipkit(['list', '--at', at, '--json'], {}, serverSecrets()),
      );
      expect(listed.backups[0]).toMatchObject({
        openAnomaly: false,
        anomalyAcknowledgedAt: expect.any(String),
      });
    } finally {
      await client.db(shop).dropDatabase();
    }
  });
});
