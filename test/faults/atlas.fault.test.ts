/**
 * Faults of the Atlas Administration API, injected by its loopback fake, through the bundled CLI
 * (`node bin/shipkit.js atlas …`) as a user or a workflow runs it: answers lost after Atlas acted,
 * rate limits, a snapshot already in progress, a token that stops working mid-run, and a deadline that
 * comes before Atlas's Retry-After. Whatever happens, nothing is created twice, nothing hangs, and no
 * secret is printed.
 */
import { afterAll, beforeAll, expect } from '@jest/globals';
import { FakeAtlasApi } from '../fakes/atlas-api';
import { runShipkit, type ShipkitExit } from '../support/shipkit-process';
import { fault } from './harness';

let fake: FakeAtlasApi;
let counter = 0;

beforeAll(async () => {
  fake = await FakeAtlasApi.start();
});

afterAll(async () => {
  await fake?.close();
});

function newCluster() {
  counter += 1;
  const projectId = fake.newProject();
  const cluster = fake.addCluster(projectId, `fault-${counter}`);
  return { projectId, cluster, where: ['--project', projectId, '--cluster', cluster.name] };
}

function atlas(argv: string[]): Promise<ShipkitExit> {
  return runShipkit(['atlas', ...argv, '--json'], {
    env: {
      ATLAS_BASE_URL: fake.baseUrl,
      ATLAS_CLIENT_ID: fake.serviceAccount.clientId,
      ATLAS_CLIENT_SECRET: fake.serviceAccount.clientSecret,
    },
    killAfterMs: 90_000,
  });
}

function json(run: ShipkitExit): Record<string, unknown> {
  try {
    return JSON.parse(run.stdout) as Record<string, unknown>;
  } catch {
    throw new Error(`exit ${run.code}, stdout is not JSON:\n${run.stdout}\n${run.stderr}`);
  }
}

function noSecrets(run: ShipkitExit): void {
  for (const secret of [fake.serviceAccount.clientSecret, ...fake.issuedTokens]) {
    if (run.everything.includes(secret)) throw new Error(`the run printed a secret (${secret.length} chars)`);
  }
}

const snapshotPosts = (name: string) =>
  fake.requestsTo('POST', new RegExp(`/clusters/${name}/backup/snapshots$`));

fault(
  'a 502 after Atlas accepted the on-demand snapshot POST',
  'exactly one snapshot exists; the run finds it by listing (no second POST) and follows it to completed',
  async () => {
    const { cluster, where } = newCluster();
    fake.failAfterAccepting(
      { method: 'POST', path: /backup\/snapshots$/ },
      { status: 502, body: 'Bad Gateway' },
    );
    const run = await atlas(['snapshot', ...where, '--wait', '--poll-interval', '20ms']);
    expect(run.code).toBe(0);
    expect(cluster.snapshots).toHaveLength(1);
    expect(snapshotPosts(cluster.name).map((r) => r.status)).toEqual([502]);
    expect(json(run)).toMatchObject({
      outcome: 'completed',
      reconciled: true,
      snapshotId: cluster.snapshots[0]?.id,
    });
    noSecrets(run);
    return `1 snapshot (${cluster.snapshots[0]?.id}), 1 POST answered 502; adopted by listing, followed: exit 0, completed`;
  },
);

fault(
  'the connection dropped after Atlas accepted the on-demand snapshot POST',
  'exactly one snapshot exists and the run follows it to completed',
  async () => {
    const { cluster, where } = newCluster();
    fake.failAfterAccepting({ method: 'POST', path: /backup\/snapshots$/ }, 'drop');
    const run = await atlas(['snapshot', ...where, '--wait', '--poll-interval', '20ms']);
    expect(run.code).toBe(0);
    expect(cluster.snapshots).toHaveLength(1);
    expect(json(run)).toMatchObject({ outcome: 'completed', reconciled: true });
    return `1 snapshot, 1 POST dropped; adopted by listing: exit 0, completed`;
  },
);

fault(
  'a 500 before Atlas acted on the snapshot POST',
  'nothing appears when listed, so the POST is sent again, once: one snapshot',
  async () => {
    const { cluster, where } = newCluster();
    fake.intercept(
      { method: 'POST', path: /backup\/snapshots$/ },
      { status: 500, body: { error: 500, errorCode: 'UNEXPECTED_ERROR', detail: 'try again' } },
    );
    const run = await atlas(['snapshot', ...where, '--wait', '--poll-interval', '20ms']);
    expect(run.code).toBe(0);
    expect(cluster.snapshots).toHaveLength(1);
    expect(snapshotPosts(cluster.name).map((r) => r.status)).toEqual([500, 200]);
    return `POSTs answered 500 then 200; 1 snapshot: exit 0, ${String(json(run).status)}`;
  },
);

fault(
  'Atlas rate-limits with 429 and Retry-After: 2',
  'the run waits at least the 2 s Atlas asked for before trying again, then succeeds',
  async () => {
    const { cluster, where } = newCluster();
    fake.rateLimit({ method: 'POST', path: /backup\/snapshots$/ }, 1, 2);
    const run = await atlas(['snapshot', ...where]);
    expect(run.code).toBe(0);
    const posts = snapshotPosts(cluster.name);
    expect(posts.map((r) => r.status)).toEqual([429, 200]);
    const waited = (posts[1]?.at ?? 0) - (posts[0]?.at ?? 0);
    expect(waited).toBeGreaterThanOrEqual(2000);
    expect(run.stderr).toContain('(rate limited (HTTP 429)); retrying in 2.0s');
    expect(cluster.snapshots).toHaveLength(1);
    return `429 then 200, ${waited} ms apart; 1 snapshot`;
  },
);

fault(
  'Retry-After beyond the deadline (--timeout 3s, Retry-After: 600)',
  'the run gives up at once, naming the rate limit, instead of sleeping past its deadline',
  async () => {
    const { where } = newCluster();
    fake.rateLimit({ method: 'GET', path: /backup\/snapshots$/ }, 1, 600);
    const run = await atlas(['snapshots', ...where, '--timeout', '3s']);
    expect(run.killedByTest).toBe(false);
    expect(run.code).toBe(2);
    expect(run.durationMs).toBeLessThan(3000 + 5000);
    expect(run.stderr).toContain('Atlas kept rate-limiting (HTTP 429 RATE_LIMITED) until the deadline');
    return `exit ${run.code} after ${run.durationMs} ms: ${run.stderr.trim().split('\n').pop()?.slice(0, 120)}`;
  },
);

fault(
  'an on-demand snapshot is already in progress (Atlas answers 409)',
  'the run adopts the snapshot in progress (started before it, so it holds the data as it was) and follows it; no second snapshot',
  async () => {
    const { cluster, where } = newCluster();
    const running = fake.seedSnapshot(cluster, {
      status: 'inProgress',
      type: 'onDemand',
      ageMs: 30_000,
      description: 'by hand',
    });
    running.upcoming = ['inProgress', 'completed'];
    const run = await atlas(['snapshot', ...where, '--wait', '--poll-interval', '20ms']);
    expect(run.code).toBe(0);
    expect(cluster.snapshots.map((s) => s.id)).toEqual([running.id]);
    expect(snapshotPosts(cluster.name).map((r) => r.status)).toEqual([409]);
    expect(json(run)).toMatchObject({ outcome: 'completed', adopted: true, snapshotId: running.id });
    return `POST answered 409; adopted ${running.id} ("by hand"), followed to completed; still 1 snapshot`;
  },
);

fault(
  'the access token stops working mid-run (expired or revoked after the snapshot POST)',
  'Atlas answers 401 once; the run gets a new token and carries on to completed',
  async () => {
    const { cluster, where } = newCluster();
    const issued = fake.issuedTokens.length;
    fake.after({ method: 'POST', path: new RegExp(`/clusters/${cluster.name}/backup/snapshots$`) }, () =>
      fake.expireTokens(),
    );
    const run = await atlas(['snapshot', ...where, '--wait', '--poll-interval', '20ms']);
    expect(run.code).toBe(0);
    const rejected = fake.requests.filter((r) => r.status === 401 && r.path.includes(cluster.name));
    expect(rejected).toHaveLength(1);
    expect(fake.issuedTokens.length - issued).toBe(2);
    expect(cluster.snapshots).toHaveLength(1);
    expect(json(run).status).toBe('completed');
    noSecrets(run);
    return `1 request answered 401, 2 tokens issued in the run, 1 snapshot, completed; no token printed`;
  },
);

fault(
  'a 502 after Atlas accepted a restore job',
  'exactly one restore job exists; found among the jobs not listed before, and followed to completed',
  async () => {
    const { cluster, where, projectId } = newCluster();
    const target = fake.addCluster(projectId, `${cluster.name}-target`);
    const snapshot = fake.seedSnapshot(cluster);
    fake.failAfterAccepting({ method: 'POST', path: /backup\/restoreJobs$/ }, { status: 502 });
    const run = await atlas([
      'restore',
      ...where,
      '--snapshot',
      snapshot.id,
      '--target-cluster',
      target.name,
      '--confirm',
      target.name,
      '--wait',
      '--poll-interval',
      '20ms',
    ]);
    expect(run.code).toBe(0);
    expect(cluster.restoreJobs).toHaveLength(1);
    expect(fake.requestsTo('POST', new RegExp(`/clusters/${cluster.name}/backup/restoreJobs$`))).toHaveLength(
      1,
    );
    expect(json(run)).toMatchObject({
      outcome: 'completed',
      reconciled: true,
      restoreJobId: cluster.restoreJobs[0]?.id,
    });
    expect(target.restoredFrom).toBe(snapshot.id);
    return `1 restore job (${cluster.restoreJobs[0]?.id}), 1 POST; adopted and followed: exit 0, completed`;
  },
);

fault(
  'a 502 after Atlas accepted an export job',
  'exactly one export job exists; found by its customData tag and followed to Successful',
  async () => {
    const { cluster, where, projectId } = newCluster();
    const snapshot = fake.seedSnapshot(cluster);
    const bucket = fake.addExportBucket(projectId);
    fake.failAfterAccepting({ method: 'POST', path: /backup\/exports$/ }, { status: 502 });
    const run = await atlas([
      'export',
      ...where,
      '--snapshot',
      snapshot.id,
      '--bucket',
      bucket,
      '--wait',
      '--poll-interval',
      '20ms',
    ]);
    expect(run.code).toBe(0);
    expect(cluster.exports).toHaveLength(1);
    expect(json(run)).toMatchObject({
      outcome: 'successful',
      reconciled: true,
      exportId: cluster.exports[0]?.id,
    });
    return `1 export job, 1 POST answered 502; adopted by its tag: exit 0, Successful`;
  },
);
