// The Cloud Backup flows against the loopback fake: what each tier is offered or refused, snapshots
// followed to the end (or adopted on a 409), exports, restores that never start unconfirmed, policy
// drift and snapshot freshness.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeAtlasApi, type FakeTier } from '../../../test/fakes/atlas-api';
import { RestoreNotConfirmedError, UnsupportedTierError } from '../src/errors';
import { exportSnapshot } from '../src/export';
import { checkSnapshotFreshness } from '../src/freshness';
import { checkPolicy, comparePolicy, parseDesiredPolicy } from '../src/policy';
import { checkConfirmation, planRestore, startRestore } from '../src/restore';
import { takeOnDemandSnapshot } from '../src/snapshot';
import { clientOf, instantDeps } from './support';

let fake: FakeAtlasApi;
beforeAll(async () => {
  fake = await FakeAtlasApi.start();
});
afterAll(async () => {
  await fake?.close();
});

let counter = 0;
function newCluster(tier: FakeTier = 'M10', options: { backupEnabled?: boolean; pitEnabled?: boolean } = {}) {
  counter += 1;
  const projectId = fake.newProject();
  const cluster = fake.addCluster(projectId, `shop-${counter}`, { tier, ...options });
  return { projectId, cluster, name: cluster.name };
}

const snapshotOptions = (projectId: string, cluster: string) => ({
  projectId,
  cluster,
  description: 'before deploy 1234',
  retentionDays: 3,
  wait: true,
  pollIntervalMs: 10_000,
  timeoutMs: 30 * 60_000,
});

describe('on-demand snapshots', () => {
  it('are taken on M10+ and followed to completed', async () => {
    const { projectId, name, cluster } = newCluster();
    const deps = instantDeps();
    const result = await takeOnDemandSnapshot(clientOf(fake, deps), snapshotOptions(projectId, name));
    expect(result).toMatchObject({ outcome: 'completed', adopted: false, reconciled: false });
    expect(result.snapshot).toMatchObject({
      status: 'completed',
      type: 'onDemand',
      description: 'before deploy 1234',
    });
    expect(cluster.snapshots).toHaveLength(1);
    expect(cluster.snapshots[0]?.retentionInDays).toBe(3);
    expect(deps.sleeps).toEqual([10_000, 10_000]);
    expect(deps.logger.lines).toContain(`Snapshot ${result.snapshot.id}: inProgress`);
    expect(result.message).toMatch(/completed in 20s; Atlas keeps it until /);
  });

  it('M0 is refused: it has no Cloud Backup, and the logical backup is the way', async () => {
    const { projectId, name, cluster } = newCluster('M0');
    const error = await takeOnDemandSnapshot(clientOf(fake), snapshotOptions(projectId, name)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnsupportedTierError);
    const message = (error as Error).message;
    expect(message).toContain(`cluster '${name}' (M0) in project ${projectId} is an M0 (free) cluster.`);
    expect(message).toContain('M0 has no Cloud Backup');
    expect(message).toContain('`shipkit backup` or the mongo-backup action');
    expect(cluster.snapshots).toEqual([]);
    expect(fake.requestsTo('POST', new RegExp(`${name}/`))).toEqual([]);
  });

  it('Flex is refused, saying what Flex offers', async () => {
    const { projectId, name } = newCluster('FLEX');
    await expect(takeOnDemandSnapshot(clientOf(fake), snapshotOptions(projectId, name))).rejects.toThrow(
      /is a Flex cluster, which does not offer it\. Flex clusters get one snapshot a day, kept for the last 8 days, .*no on-demand snapshots/,
    );
  });

  it('a cluster with Cloud Backup off is refused, saying how to turn it on', async () => {
    const { projectId, name } = newCluster('M10', { backupEnabled: false });
    await expect(takeOnDemandSnapshot(clientOf(fake), snapshotOptions(projectId, name))).rejects.toThrow(
      /Cloud Backup is off for cluster .*Turn on Cloud Backup/,
    );
  });

  it('a failed snapshot is reported as failed', async () => {
    const { projectId, name, cluster } = newCluster();
    cluster.snapshotScripts.push(['queued', 'inProgress', 'failed']);
    const result = await takeOnDemandSnapshot(clientOf(fake), snapshotOptions(projectId, name));
    expect(result.outcome).toBe('failed');
    expect(result.message).toMatch(/failed after 20s/);
  });

  it('stops following at the timeout; the snapshot is left to Atlas', async () => {
    const { projectId, name, cluster } = newCluster();
    cluster.snapshotScripts.push(['queued', 'inProgress']);
    const result = await takeOnDemandSnapshot(clientOf(fake), {
      ...snapshotOptions(projectId, name),
      timeoutMs: 45_000,
    });
    expect(result.outcome).toBe('timed-out');
    expect(result.durationMs).toBe(45_000);
    expect(result.message).toMatch(/is still inProgress after 45s: Atlas carries on with it/);
  });

  it('a deadline that passes during a read ends the wait as timed out, not as an error', async () => {
    const { projectId, name, cluster } = newCluster();
    cluster.snapshotScripts.push(['queued', 'inProgress']);
    const deps = instantDeps();
    const client = clientOf(fake, deps, { deadline: (deps.now?.() ?? 0) + 15_000 });
    const result = await takeOnDemandSnapshot(client, {
      ...snapshotOptions(projectId, name),
      timeoutMs: 60_000,
    });
    expect(result).toMatchObject({ outcome: 'timed-out', snapshot: { status: 'inProgress' } });
  });

  it('on a 409 adopts the on-demand snapshot already in progress instead of taking a second one', async () => {
    const { projectId, name, cluster } = newCluster();
    const running = fake.seedSnapshot(cluster, {
      status: 'inProgress',
      type: 'onDemand',
      ageMs: 60_000,
      description: 'nightly by hand',
    });
    running.upcoming = ['completed'];
    const deps = instantDeps();
    const result = await takeOnDemandSnapshot(clientOf(fake, deps), snapshotOptions(projectId, name));
    expect(result).toMatchObject({ outcome: 'completed', adopted: true });
    expect(result.snapshot.id).toBe(running.id);
    expect(cluster.snapshots).toHaveLength(1);
    expect(fake.requestsTo('POST', new RegExp(`${name}/backup/snapshots$`)).map((r) => r.status)).toEqual([
      409,
    ]);
    expect(deps.logger.text).toContain(`Atlas was already taking on-demand snapshot ${running.id}`);
  });

  it('without --wait returns once Atlas accepted it', async () => {
    const { projectId, name } = newCluster();
    const result = await takeOnDemandSnapshot(clientOf(fake), {
      ...snapshotOptions(projectId, name),
      wait: false,
    });
    expect(result).toMatchObject({ outcome: 'started', snapshot: { status: 'queued' } });
  });
});

describe('exports', () => {
  it('export a completed snapshot and follow the job to Successful', async () => {
    const { projectId, name, cluster } = newCluster();
    const snapshot = fake.seedSnapshot(cluster);
    const bucket = fake.addExportBucket(projectId, 'acme-exports');
    const result = await exportSnapshot(clientOf(fake), {
      projectId,
      cluster: name,
      snapshotId: snapshot.id,
      exportBucketId: bucket,
      wait: true,
      pollIntervalMs: 5_000,
      timeoutMs: 3_600_000,
    });
    expect(result.outcome).toBe('successful');
    expect(result.job).toMatchObject({ state: 'Successful', exportedCollections: 4, totalCollections: 4 });
    expect(result.job.prefix).toMatch(new RegExp(`^/exported_snapshots/acme/${projectId}/${name}/`));
    expect(result.message).toContain('to AWS acme-exports under /exported_snapshots/');
    expect(cluster.exports[0]?.customData[0]?.key).toBe('shipkit-request');
  });

  it('a failed export says Atlas does not retry it and where its partial files are', async () => {
    const { projectId, name, cluster } = newCluster();
    const snapshot = fake.seedSnapshot(cluster);
    const bucket = fake.addExportBucket(projectId);
    cluster.exportScripts.push(['Queued', 'InProgress', 'Failed']);
    const result = await exportSnapshot(clientOf(fake), {
      projectId,
      cluster: name,
      snapshotId: snapshot.id,
      exportBucketId: bucket,
      wait: true,
      pollIntervalMs: 5_000,
      timeoutMs: 3_600_000,
    });
    expect(result.outcome).toBe('failed');
    expect(result.message).toMatch(
      /ended Failed: Access denied to the export bucket\. \(EXPORT_FAILED\)\. Atlas does not retry a failed export and leaves what it wrote under \/exported_snapshots\//,
    );
  });

  it('refuses a snapshot that is not completed', async () => {
    const { projectId, name, cluster } = newCluster();
    const snapshot = fake.seedSnapshot(cluster, { status: 'inProgress' });
    await expect(
      exportSnapshot(clientOf(fake), {
        projectId,
        cluster: name,
        snapshotId: snapshot.id,
        exportBucketId: fake.addExportBucket(projectId),
        wait: false,
        pollIntervalMs: 1000,
        timeoutMs: 60_000,
      }),
    ).rejects.toThrow(/it is inProgress, and only a completed snapshot can be exported/);
  });
});

describe('restores', () => {
  it('plan without changing anything, and never start without the exact target name', async () => {
    const { projectId, name, cluster } = newCluster();
    const target = fake.addCluster(projectId, `${name}-staging`);
    const snapshot = fake.seedSnapshot(cluster, { description: 'nightly' });
    const client = clientOf(fake);
    const plan = await planRestore(client, {
      projectId,
      cluster: name,
      snapshotId: snapshot.id,
      targetCluster: target.name,
    });
    expect(plan.deliveryType).toBe('automated');
    expect(plan.lines.at(-1)).toBe(
      `effect:   Atlas REPLACES ALL DATA of cluster '${target.name}': every database and collection on it now is lost.`,
    );
    for (const confirm of [undefined, '', name, `${target.name} `, target.name.toUpperCase()]) {
      const refused = await startRestore(client, plan, {
        confirm,
        wait: true,
        pollIntervalMs: 1000,
        timeoutMs: 60_000,
      }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(RestoreNotConfirmedError);
      expect((refused as Error).message).toContain(
        `Confirm with the exact name of the target cluster, '${target.name}'`,
      );
    }
    expect(cluster.restoreJobs).toEqual([]);
    expect(fake.requestsTo('POST', /restoreJobs$/).filter((r) => r.path.includes(`/${name}/`))).toEqual([]);

    const result = await startRestore(client, plan, {
      confirm: target.name,
      wait: true,
      pollIntervalMs: 1000,
      timeoutMs: 60_000,
    });
    expect(result.outcome).toBe('completed');
    expect(cluster.restoreJobs).toHaveLength(1);
    expect(cluster.restoreJobs[0]).toMatchObject({
      deliveryType: 'automated',
      snapshotId: snapshot.id,
      targetClusterName: target.name,
      targetGroupId: projectId,
    });
    expect(target.restoredFrom).toBe(snapshot.id);
    expect(() => checkConfirmation(plan, target.name)).not.toThrow();
  });

  it('a point in time needs continuous backup, and is sent as pointInTimeUTCSeconds', async () => {
    const plain = newCluster();
    fake.addCluster(plain.projectId, 'target-a');
    const client = clientOf(fake);
    const at = new Date(Date.now() - 3_600_000);
    await expect(
      planRestore(client, {
        projectId: plain.projectId,
        cluster: plain.name,
        pointInTime: at,
        targetCluster: 'target-a',
      }),
    ).rejects.toThrow(/continuous cloud backup is off/);

    const pit = newCluster('M30', { pitEnabled: true });
    fake.addCluster(pit.projectId, 'target-b');
    const plan = await planRestore(client, {
      projectId: pit.projectId,
      cluster: pit.name,
      pointInTime: at,
      targetCluster: 'target-b',
    });
    expect(plan.deliveryType).toBe('pointInTime');
    await startRestore(client, plan, {
      confirm: 'target-b',
      wait: false,
      pollIntervalMs: 1000,
      timeoutMs: 60_000,
    });
    expect(pit.cluster.restoreJobs[0]).toMatchObject({
      deliveryType: 'pointInTime',
      pointInTimeUTCSeconds: Math.floor(at.getTime() / 1000),
    });
  });

  it('M0 has nothing to restore; Flex restores through the Flex API', async () => {
    const free = newCluster('M0');
    await expect(
      planRestore(clientOf(fake), {
        projectId: free.projectId,
        cluster: free.name,
        snapshotId: 'a'.repeat(24),
        targetCluster: free.name,
      }),
    ).rejects.toThrow(/M0 has no Cloud Backup/);

    const flex = newCluster('FLEX');
    const snapshot = fake.seedSnapshot(flex.cluster, { type: 'scheduled' });
    const client = clientOf(fake);
    const plan = await planRestore(client, {
      projectId: flex.projectId,
      cluster: flex.name,
      snapshotId: snapshot.id,
      targetCluster: flex.name,
    });
    const result = await startRestore(client, plan, {
      confirm: flex.name,
      wait: true,
      pollIntervalMs: 1000,
      timeoutMs: 60_000,
    });
    expect(result.outcome).toBe('completed');
    expect(fake.requestsTo('POST', new RegExp(`flexClusters/${flex.name}/backup/restoreJobs$`))).toHaveLength(
      1,
    );
  });
});

describe('policy', () => {
  const desired = `
cluster:
  backupEnabled: true
schedule:
  restoreWindowDays: 7
  referenceHourOfDay: 3
  policyItems:
    - { frequencyType: hourly, frequencyInterval: 6, retentionUnit: days, retentionValue: 2 }
    - { frequencyType: daily, frequencyInterval: 1, retentionUnit: days, retentionValue: 14 }
    - { frequencyType: weekly, frequencyInterval: 6, retentionUnit: weeks, retentionValue: 4 }
`;

  it('reports each difference from the desired policy, missing and extra policy items included', async () => {
    const { projectId, name } = newCluster();
    const check = await checkPolicy(
      clientOf(fake),
      { projectId, cluster: name },
      parseDesiredPolicy(desired, 'policy.yml'),
    );
    expect(check.differences).toEqual([
      { field: 'schedule.policyItems[daily every 1]', expected: 'kept 14 days', actual: 'kept 7 days' },
      { field: 'schedule.policyItems[monthly every 40]', expected: 'none', actual: 'kept 12 months' },
    ]);
    expect(check.checked).toBe(4);
    expect(check.message).toContain('has drifted: 2 difference(s)');
  });

  it('checks the compliance policy only when asked (it needs Project Owner)', async () => {
    const { projectId, name } = newCluster();
    const client = clientOf(fake);
    await checkPolicy(
      client,
      { projectId, cluster: name },
      parseDesiredPolicy('cluster: { backupEnabled: true }', 'p'),
    );
    expect(fake.requestsTo('GET', new RegExp(`${projectId}/backupCompliancePolicy$`))).toEqual([]);
    const missing = await checkPolicy(
      client,
      { projectId, cluster: name },
      parseDesiredPolicy('compliancePolicy: { pitEnabled: true }', 'p'),
    );
    expect(missing.differences).toEqual([
      { field: 'compliancePolicy', expected: 'a Backup Compliance Policy', actual: 'none' },
    ]);
    fake.setCompliancePolicy(projectId, {
      pitEnabled: false,
      restoreWindowDays: 7,
      scheduledPolicyItems: [],
    });
    const drift = await checkPolicy(
      client,
      { projectId, cluster: name },
      parseDesiredPolicy('compliancePolicy: { pitEnabled: true }', 'p'),
    );
    expect(drift.differences).toEqual([
      { field: 'compliancePolicy.pitEnabled', expected: 'true', actual: 'false' },
    ]);
  });

  it('refuses unknown keys and bad values, naming them', () => {
    expect(() => parseDesiredPolicy('schedule: { restoreWindowDay: 7 }', 'atlas-policy.yml')).toThrow(
      /atlas-policy\.yml is not a valid Atlas backup policy:\n {2}schedule: unknown key 'restoreWindowDay'/,
    );
    expect(() =>
      parseDesiredPolicy('schedule: { policyItems: [{ frequencyType: hourly }] }', 'p.yml'),
    ).toThrow(/schedule\.policyItems\.0\.frequencyInterval/);
    expect(() => parseDesiredPolicy('', 'p.yml')).toThrow(/p\.yml is empty/);
    expect(() => parseDesiredPolicy('{"cluster": {"pitEnabled": true}}', 'p.json')).not.toThrow();
  });

  it('compares only what the desired policy states', () => {
    expect(
      comparePolicy(
        { schedule: { autoExportEnabled: true } },
        {
          cluster: { backupEnabled: true, pitEnabled: false },
          schedule: { policyItems: [] },
          compliancePolicy: undefined,
        },
      ),
    ).toEqual({
      checked: 1,
      differences: [{ field: 'schedule.autoExportEnabled', expected: 'true', actual: 'not set' }],
    });
  });

  it('is refused on Flex, whose schedule is fixed', async () => {
    const { projectId, name } = newCluster('FLEX');
    await expect(
      checkPolicy(clientOf(fake), { projectId, cluster: name }, { cluster: { backupEnabled: true } }),
    ).rejects.toThrow(/Flex cluster/);
  });
});

describe('snapshot freshness', () => {
  it('counts the newest completed snapshot, of any kind, by when it was taken', async () => {
    const { projectId, name, cluster } = newCluster();
    fake.seedSnapshot(cluster, { ageMs: 30 * 3_600_000 });
    fake.seedSnapshot(cluster, { status: 'failed', ageMs: 3_600_000 });
    const client = clientOf(fake);
    const stale = await checkSnapshotFreshness(client, {
      projectId,
      cluster: name,
      maxAgeMs: 26 * 3_600_000,
    });
    expect(stale).toMatchObject({ fresh: false, snapshots: 2, completed: 1 });
    const recent = fake.seedSnapshot(cluster, { type: 'onDemand', ageMs: 2 * 3_600_000 });
    const fresh = await checkSnapshotFreshness(client, {
      projectId,
      cluster: name,
      maxAgeMs: 26 * 3_600_000,
    });
    expect(fresh).toMatchObject({ fresh: true, newest: { id: recent.id, type: 'onDemand' } });
  });

  it('Flex daily snapshots count; M0 is refused', async () => {
    const flex = newCluster('FLEX');
    fake.seedSnapshot(flex.cluster, { ageMs: 3_600_000 });
    await expect(
      checkSnapshotFreshness(clientOf(fake), {
        projectId: flex.projectId,
        cluster: flex.name,
        maxAgeMs: 86_400_000,
      }),
    ).resolves.toMatchObject({ fresh: true, newest: { type: 'flexDaily' } });
    const free = newCluster('M0');
    await expect(
      checkSnapshotFreshness(clientOf(fake), {
        projectId: free.projectId,
        cluster: free.name,
        maxAgeMs: 86_400_000,
      }),
    ).rejects.toThrow(/M0 has no Cloud Backup/);
  });
});
