// `shipkit atlas …` from the bundle users run (node bin/shipkit.js → packages/cli/dist) against the
// loopback fake of the Atlas Administration API: exit codes, what reached the fake, what each tier is
// told, and neither the client secret, the private key nor any token printed.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeAtlasApi, type FakeTier } from '../../../../test/fakes/atlas-api';
import { scratchDir } from '../../../../test/faults/harness';
import { runShipkit, type ShipkitExit } from '../../../../test/support/shipkit-process';
import { expectExit, expectNoSecret, stdoutJson } from './support';

let fake: FakeAtlasApi;
let dir: { path: string; remove(): Promise<void> };

beforeAll(async () => {
  fake = await FakeAtlasApi.start();
  dir = await scratchDir('bundle-atlas');
});

afterAll(async () => {
  await fake?.close();
  await dir?.remove();
});

let counter = 0;
function newCluster(tier: FakeTier = 'M10', options: { pitEnabled?: boolean } = {}) {
  counter += 1;
  const projectId = fake.newProject();
  const cluster = fake.addCluster(projectId, `shop-${counter}`, { tier, ...options });
  return {
    projectId,
    cluster,
    name: cluster.name,
    where: ['--project', projectId, '--cluster', cluster.name],
  };
}

const serviceAccount = () => ({
  ATLAS_BASE_URL: fake.baseUrl,
  ATLAS_CLIENT_ID: fake.serviceAccount.clientId,
  ATLAS_CLIENT_SECRET: fake.serviceAccount.clientSecret,
});

function atlas(argv: string[], env: Record<string, string> = serviceAccount()): Promise<ShipkitExit> {
  return runShipkit(['atlas', ...argv], { env, killAfterMs: 60_000 });
}

/** The client secret, the API key's private key and every token the fake handed out. */
function atlasSecrets(): string[] {
  return [fake.serviceAccount.clientSecret, fake.apiKey.privateKey, ...fake.issuedTokens];
}

describe('shipkit atlas snapshot', () => {
  it('takes an on-demand snapshot of an M10 and waits until it is completed', async () => {
    const { where, cluster } = newCluster();
    const run = await atlas([
      'snapshot',
      ...where,
      '--description',
      'before deploy abc123',
      '--retention-days',
      '2',
      '--wait',
      '--poll-interval',
      '20ms',
      '--json',
    ]);
    expectExit(run, 0);
    const result = stdoutJson(run);
    expect(result).toMatchObject({ outcome: 'completed', status: 'completed', tier: 'M10', adopted: false });
    expect(cluster.snapshots.map((s) => [s.id, s.description, s.retentionInDays])).toEqual([
      [result.snapshotId, 'before deploy abc123', 2],
    ]);
    expect(run.stderr).toContain(`Snapshot ${String(result.snapshotId)}: inProgress`);
    expectNoSecret(run, atlasSecrets());
  });

  it('prints the snapshot id and final status, and exits 1 when the snapshot fails', async () => {
    const { where, cluster } = newCluster();
    cluster.snapshotScripts.push(['queued', 'inProgress', 'failed']);
    const run = await atlas(['snapshot', ...where, '--wait', '--poll-interval', '20ms']);
    expectExit(run, 1);
    expect(run.stdout).toContain(`snapshot ${cluster.snapshots[0]?.id}: failed`);
  });

  it('exits 1 when --timeout runs out, saying Atlas carries on', async () => {
    const { where, cluster } = newCluster();
    cluster.snapshotScripts.push(['queued', 'inProgress']);
    const run = await atlas(['snapshot', ...where, '--wait', '--poll-interval', '100ms', '--timeout', '5s']);
    expectExit(run, 1);
    expect(run.stdout).toMatch(
      /is still inProgress after .*: Atlas carries on with it, but it is not completed yet\. \(--timeout 5\.0s\)/,
    );
  });

  it('exits 1 when the deadline passes before Atlas answered', async () => {
    const { where } = newCluster();
    const run = await atlas(['snapshots', ...where, '--timeout', '1ms']);
    expectExit(run, 1);
    expect(run.stderr).toMatch(/^error: Stopped before Atlas could .*: the deadline passed\.$/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('on M0 says it is M0, that M0 has no Cloud Backup, and that the logical backup is the way', async () => {
    const { where, name, projectId } = newCluster('M0');
    const run = await atlas(['snapshot', ...where]);
    expectExit(run, 2);
    expect(run.stderr).toContain(
      `error: Cannot take an on-demand snapshot: cluster '${name}' (M0) in project ${projectId} is an M0 (free) cluster.`,
    );
    expect(run.stderr).toContain('M0 has no Cloud Backup at all');
    expect(run.stderr).toContain('`shipkit backup` or the mongo-backup action');
    expect(fake.requestsTo('POST', new RegExp(name))).toEqual([]);
  });

  it('on Flex says what Flex offers', async () => {
    const { where } = newCluster('FLEX');
    const run = await atlas(['snapshot', ...where]);
    expectExit(run, 2);
    expect(run.stderr).toMatch(
      /is a Flex cluster, which does not offer it\. Flex clusters get one snapshot a day, kept for the last 8 days/,
    );
  });

  it('works with a legacy API key (HTTP Digest) and never prints the private key', async () => {
    const { where } = newCluster();
    const run = await atlas(['snapshot', ...where, '--wait', '--poll-interval', '20ms', '--verbose'], {
      ATLAS_BASE_URL: fake.baseUrl,
      ATLAS_PUBLIC_KEY: fake.apiKey.publicKey,
      ATLAS_PRIVATE_KEY: fake.apiKey.privateKey,
    });
    expectExit(run, 0);
    expectNoSecret(run, [fake.apiKey.privateKey]);
  });

  it('names what is missing or malformed, before any request', async () => {
    const { projectId, name } = newCluster();
    const before = fake.requests.length;
    const none = await atlas(['snapshot', '--project', projectId, '--cluster', name], {
      ATLAS_BASE_URL: fake.baseUrl,
    });
    expectExit(none, 2);
    expect(none.stderr).toContain(
      'error: Give Atlas credentials: a service account in ATLAS_CLIENT_ID and ATLAS_CLIENT_SECRET',
    );
    const half = await atlas(['snapshot', '--project', projectId, '--cluster', name], {
      ATLAS_BASE_URL: fake.baseUrl,
      ATLAS_CLIENT_ID: fake.serviceAccount.clientId,
    });
    expect(half.stderr).toContain('A service account needs both ATLAS_CLIENT_ID and ATLAS_CLIENT_SECRET');
    const project = await atlas(['snapshot', '--project', 'my-project', '--cluster', name]);
    expectExit(project, 2);
    expect(project.stderr).toContain(
      "--project (or ATLAS_PROJECT_ID) must be an Atlas project id: 24 hexadecimal digits (Project Settings → Project ID), got 'my-project'.",
    );
    const days = await atlas([
      'snapshot',
      '--project',
      projectId,
      '--cluster',
      name,
      '--retention-days',
      '0',
    ]);
    expect(days.stderr).toMatch(/--retention-days must be a whole number from 1 to 3650, got '0'/);
    expect(fake.requests.length).toBe(before);
  });

  it('reads the project and cluster from ATLAS_PROJECT_ID and ATLAS_CLUSTER', async () => {
    const { projectId, name, cluster } = newCluster();
    const run = await atlas(['snapshot'], {
      ...serviceAccount(),
      ATLAS_PROJECT_ID: projectId,
      ATLAS_CLUSTER: name,
    });
    expectExit(run, 0);
    expect(cluster.snapshots).toHaveLength(1);
  });

  it('says which credentials Atlas rejected, without printing them', async () => {
    const { where } = newCluster();
    const run = await atlas(['snapshot', ...where], {
      ...serviceAccount(),
      ATLAS_CLIENT_SECRET: 'mdb_sa_sk_not-the-secret',
    });
    expectExit(run, 2);
    expect(run.stderr).toContain('Atlas rejected the service account (HTTP 401 invalid_client)');
    expect(run.stderr).toContain('Check ATLAS_CLIENT_ID and ATLAS_CLIENT_SECRET');
    expectNoSecret(run, ['mdb_sa_sk_not-the-secret']);
  });
});

describe('shipkit atlas snapshots and check-freshness', () => {
  it('lists snapshots newest first and gates on the newest completed one', async () => {
    const { where, cluster } = newCluster();
    const old = fake.seedSnapshot(cluster, { ageMs: 40 * 3_600_000, description: 'old one' });
    fake.seedSnapshot(cluster, { status: 'failed', ageMs: 3_600_000 });
    const list = await atlas(['snapshots', ...where, '--json']);
    expectExit(list, 0);
    expect((stdoutJson(list).snapshots as { status: string }[]).map((s) => s.status)).toEqual([
      'failed',
      'completed',
    ]);
    const text = await atlas(['snapshots', ...where]);
    expect(text.stdout).toContain(`${old.id}  scheduled  completed`);

    const stale = await atlas(['check-freshness', ...where, '--max-age', '26h']);
    expectExit(stale, 1);
    expect(stale.stdout).toMatch(
      new RegExp(
        `^STALE: The newest completed snapshot of cluster .*, ${old.id} \\(scheduled\\), is 40h00m old`,
      ),
    );
    fake.seedSnapshot(cluster, { type: 'onDemand', ageMs: 60_000 });
    const fresh = await atlas(['check-freshness', ...where, '--max-age', '26h', '--json']);
    expectExit(fresh, 0);
    expect(stdoutJson(fresh)).toMatchObject({ fresh: true, completed: 2 });
  });
});

describe('shipkit atlas export', () => {
  it('exports a completed snapshot and prints the prefix; a failed export exits 1', async () => {
    const { where, cluster, projectId } = newCluster();
    const snapshot = fake.seedSnapshot(cluster);
    const bucket = fake.addExportBucket(projectId, 'acme-exports');
    const args = [
      'export',
      ...where,
      '--snapshot',
      snapshot.id,
      '--bucket',
      bucket,
      '--wait',
      '--poll-interval',
      '20ms',
    ];
    const ok = await atlas([...args, '--json']);
    expectExit(ok, 0);
    expect(stdoutJson(ok)).toMatchObject({
      outcome: 'successful',
      state: 'Successful',
      bucket: 'acme-exports',
      totalCollections: 4,
    });
    expect(String(stdoutJson(ok).prefix)).toMatch(/^\/exported_snapshots\//);

    cluster.exportScripts.push(['Queued', 'Failed']);
    const failed = await atlas(args);
    expectExit(failed, 1);
    expect(failed.stdout).toContain(
      'Atlas does not retry a failed export and leaves what it wrote under /exported_snapshots/',
    );
  });
});

describe('shipkit atlas restore', () => {
  it('prints the plan and starts nothing without the exact target name; starts with it', async () => {
    const { where, cluster, projectId, name } = newCluster();
    const target = fake.addCluster(projectId, `${name}-copy`);
    const snapshot = fake.seedSnapshot(cluster);
    const args = [
      'restore',
      ...where,
      '--snapshot',
      snapshot.id,
      '--target-cluster',
      target.name,
      '--poll-interval',
      '20ms',
    ];
    for (const confirm of [[], ['--confirm', name], ['--confirm', target.name.toUpperCase()]]) {
      const refused = await atlas([...args, ...confirm]);
      expectExit(refused, 2);
      expect(refused.stdout).toContain(`effect:   Atlas REPLACES ALL DATA of cluster '${target.name}'`);
      expect(refused.stderr).toContain(`Re-run with --confirm ${target.name} to start it.`);
    }
    expect(cluster.restoreJobs).toEqual([]);
    expect(target.restoredFrom).toBeUndefined();

    const run = await atlas([...args, '--confirm', target.name, '--wait', '--json']);
    expectExit(run, 0);
    expect(stdoutJson(run)).toMatchObject({
      outcome: 'completed',
      state: 'completed',
      restoreJobId: cluster.restoreJobs[0]?.id,
    });
    expect(target.restoredFrom).toBe(snapshot.id);
  });

  it('refuses a point in time without a zone, or without continuous backup', async () => {
    const { where, name } = newCluster();
    const noZone = await atlas([
      'restore',
      ...where,
      '--point-in-time',
      '2026-11-25T03:00:00',
      '--target-cluster',
      name,
    ]);
    expectExit(noZone, 2);
    expect(noZone.stderr).toContain(
      "--point-in-time must be an ISO 8601 time with its zone, e.g. 2026-11-25T03:00:00Z, got '2026-11-25T03:00:00'.",
    );
    const noPit = await atlas([
      'restore',
      ...where,
      '--point-in-time',
      new Date(Date.now() - 60_000).toISOString(),
      '--target-cluster',
      name,
      '--confirm',
      name,
    ]);
    expectExit(noPit, 2);
    expect(noPit.stderr).toContain('continuous cloud backup is off');
  });
});

describe('shipkit atlas policy', () => {
  it('exits 0 when the schedule matches, 1 on drift with a table, 2 for a bad file', async () => {
    const { where } = newCluster();
    const matching = join(dir.path, 'matching.yml');
    await writeFile(
      matching,
      [
        '# the policy Atlas gives a new M10',
        'cluster: { backupEnabled: true }',
        'schedule:',
        '  restoreWindowDays: 7',
        '  policyItems:',
        '    - { frequencyType: hourly, frequencyInterval: 6, retentionUnit: days, retentionValue: 2 }',
        '    - { frequencyType: daily, frequencyInterval: 1, retentionUnit: days, retentionValue: 7 }',
        '    - { frequencyType: weekly, frequencyInterval: 6, retentionUnit: weeks, retentionValue: 4 }',
        '    - { frequencyType: monthly, frequencyInterval: 40, retentionUnit: months, retentionValue: 12 }',
      ].join('\n'),
    );
    const ok = await atlas(['policy', ...where, '--expect', matching]);
    expectExit(ok, 0);
    expect(ok.stdout).toMatch(/matches: 3 setting\(s\) checked/);

    const drifted = join(dir.path, 'drifted.json');
    await writeFile(
      drifted,
      JSON.stringify({ cluster: { pitEnabled: true }, schedule: { restoreWindowDays: 3 } }),
    );
    const drift = await atlas(['policy', ...where, '--expect', drifted]);
    expectExit(drift, 1);
    expect(drift.stdout).toContain('has drifted: 2 difference(s)');
    expect(drift.stdout).toMatch(/setting\s+expected\s+actual/);
    expect(drift.stdout).toMatch(/cluster\.pitEnabled\s+true\s+false/);
    expect(drift.stdout).toMatch(/schedule\.restoreWindowDays\s+3\s+7/);

    const bad = join(dir.path, 'bad.yml');
    await writeFile(bad, 'schedule:\n  retentionDays: 7\n');
    const invalid = await atlas(['policy', ...where, '--expect', bad]);
    expectExit(invalid, 2);
    expect(invalid.stderr).toContain("schedule: unknown key 'retentionDays'");
  });
});
