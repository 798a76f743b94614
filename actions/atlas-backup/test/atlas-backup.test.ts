/**
 * The bundled action (dist/, built by `npm run build -w actions/atlas-backup`) run as the GitHub runner
 * runs it, against the loopback fake of the Atlas Administration API: outputs, job summaries, failures,
 * and the client secret, the private key and every access token masked.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { FakeAtlasApi, type FakeTier } from '../../../test/fakes/atlas-api';
import { type ActionResult, type RunActionOptions, runAction } from '../../../test/runner';

jest.setTimeout(60_000);

const MAIN = fileURLToPath(new URL('../dist/index.js', import.meta.url));
let fake: FakeAtlasApi;
let workspace: string;

beforeAll(async () => {
  if (!existsSync(MAIN))
    throw new Error(`${MAIN} is missing: run \`npm run build -w actions/atlas-backup\` first.`);
  fake = await FakeAtlasApi.start();
  workspace = await mkdtemp(join(tmpdir(), 'atlas-action-'));
});
afterAll(async () => {
  await fake?.close();
  await rm(workspace, { recursive: true, force: true });
});

let counter = 0;
function newCluster(tier: FakeTier = 'M10') {
  counter += 1;
  const projectId = fake.newProject();
  const cluster = fake.addCluster(projectId, `app-${counter}`, { tier });
  return { projectId, cluster, name: cluster.name };
}

async function action(
  inputs: RunActionOptions['inputs'],
  env: Record<string, string> = {},
): Promise<ActionResult> {
  const result = await runAction(MAIN, {
    timeoutMs: 45_000,
    env: { GITHUB_WORKSPACE: workspace, ...env },
    inputs: {
      'base-url': fake.baseUrl,
      'client-id': fake.serviceAccount.clientId,
      'client-secret': fake.serviceAccount.clientSecret,
      'poll-interval': '20ms',
      ...inputs,
    },
  });
  for (const secret of [fake.serviceAccount.clientSecret, fake.apiKey.privateKey, ...fake.issuedTokens]) {
    if (result.everything.includes(secret))
      throw new Error(`the action showed a secret (${secret.length} chars)`);
  }
  return result;
}

const errors = (result: ActionResult) =>
  result.annotations.filter((a) => a.level === 'error').map((a) => a.message);

describe('operation snapshot', () => {
  it('takes an on-demand snapshot, waits until it is completed, and sets the outputs and summary', async () => {
    const { projectId, name, cluster } = newCluster();
    const result = await action({ operation: 'snapshot', 'project-id': projectId, cluster: name });
    expect(result.exitCode).toBe(0);
    const [snapshot] = cluster.snapshots;
    expect(result.outputs).toMatchObject({
      outcome: 'completed',
      tier: 'M10',
      'snapshot-id': snapshot?.id,
      status: 'completed',
    });
    expect(snapshot?.description).toMatch(/^shipkit on-demand snapshot .* \(acme\/shop run 1234\)$/);
    expect(snapshot?.retentionInDays).toBe(7);
    expect(result.summary).toContain('### ✅ Atlas on-demand snapshot completed');
    expect(result.summary).toContain(`| Snapshot | \`${snapshot?.id}\` |`);
    // The runner was told to mask the client secret and the token before either could be printed.
    expect(result.stdout).toContain(`::add-mask::${fake.serviceAccount.clientSecret}`);
    expect(result.stdout).toContain(`::add-mask::${fake.issuedTokens.at(-1)}`);
  });

  it('fails on M0, saying M0 has no Cloud Backup and that the mongo-backup action is the way', async () => {
    const { projectId, name } = newCluster('M0');
    const result = await action({ operation: 'snapshot', 'project-id': projectId, cluster: name });
    expect(result.exitCode).toBe(1);
    const [message = ''] = errors(result);
    expect(message).toContain('is an M0 (free) cluster. M0 has no Cloud Backup at all');
    expect(message).toContain('the mongo-backup action');
  });

  it('fails when the snapshot fails, with its id in the outputs', async () => {
    const { projectId, name, cluster } = newCluster();
    cluster.snapshotScripts.push(['queued', 'failed']);
    const result = await action({ operation: 'snapshot', 'project-id': projectId, cluster: name });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({
      outcome: 'failed',
      status: 'failed',
      'snapshot-id': cluster.snapshots[0]?.id,
    });
    expect(result.summary).toContain('### ❌ Atlas on-demand snapshot failed');
  });

  it('authenticates with an API key through Digest, masking the private key', async () => {
    const { projectId, name } = newCluster();
    const result = await action({
      operation: 'snapshot',
      'project-id': projectId,
      cluster: name,
      'client-id': '',
      'client-secret': '',
      'public-key': fake.apiKey.publicKey,
      'private-key': fake.apiKey.privateKey,
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`::add-mask::${fake.apiKey.privateKey}`);
  });

  it('names the input that is wrong', async () => {
    const result = await action({ operation: 'snapshot', 'project-id': 'shop', cluster: 'x' });
    expect(result.exitCode).toBe(1);
    expect(errors(result)).toEqual([
      "Input 'project-id' must be an Atlas project id: 24 hexadecimal digits, got 'shop'.",
    ]);
    const missing = await action({ operation: 'backup', 'project-id': 'a'.repeat(24), cluster: 'x' });
    expect(errors(missing)[0]).toMatch(
      /^Input 'operation' must be one of 'snapshot', 'export', 'restore', 'policy', got 'backup'\./,
    );
  });
});

describe('operation export', () => {
  it('exports a completed snapshot and outputs the prefix', async () => {
    const { projectId, name, cluster } = newCluster();
    const snapshot = fake.seedSnapshot(cluster);
    const bucket = fake.addExportBucket(projectId, 'acme-exports');
    const result = await action({
      operation: 'export',
      'project-id': projectId,
      cluster: name,
      'snapshot-id': snapshot.id,
      'export-bucket-id': bucket,
    });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({
      outcome: 'successful',
      status: 'Successful',
      'export-id': cluster.exports[0]?.id,
    });
    expect(result.outputs['export-prefix']).toMatch(/^\/exported_snapshots\/acme\//);
    expect(result.summary).toContain('| Bucket | acme-exports (AWS) |');
  });
});

describe('operation restore', () => {
  it('refuses without the exact confirmation, showing the plan; restores with it', async () => {
    const { projectId, name, cluster } = newCluster();
    const target = fake.addCluster(projectId, `${name}-stage`);
    const snapshot = fake.seedSnapshot(cluster);
    const inputs = {
      operation: 'restore',
      'project-id': projectId,
      cluster: name,
      'snapshot-id': snapshot.id,
      'target-cluster': target.name,
    };
    const refused = await action({ ...inputs, confirm: name });
    expect(refused.exitCode).toBe(1);
    expect(refused.outputs.outcome).toBe('refused');
    expect(errors(refused)[0]).toContain(`Set input 'confirm' to ${target.name} to start it.`);
    expect(refused.summary).toContain('### ⛔ Atlas restore refused');
    expect(refused.summary).toContain(`Atlas REPLACES ALL DATA of cluster '${target.name}'`);
    expect(cluster.restoreJobs).toEqual([]);

    const restored = await action({ ...inputs, confirm: target.name });
    expect(restored.exitCode).toBe(0);
    expect(restored.outputs).toMatchObject({
      outcome: 'completed',
      'restore-job-id': cluster.restoreJobs[0]?.id,
    });
    expect(target.restoredFrom).toBe(snapshot.id);
  });
});

describe('operation policy', () => {
  it('passes when the policy matches and fails on drift with a table', async () => {
    const { projectId, name } = newCluster();
    const matching = await action({
      operation: 'policy',
      'project-id': projectId,
      cluster: name,
      policy: 'cluster:\n  backupEnabled: true\nschedule:\n  restoreWindowDays: 7\n',
    });
    expect(matching.exitCode).toBe(0);
    expect(matching.outputs).toMatchObject({ outcome: 'matches', drift: 'false', differences: '0' });

    await writeFile(
      join(workspace, 'atlas-policy.yml'),
      'schedule:\n  restoreWindowDays: 14\n  referenceHourOfDay: 3\n',
    );
    const drifted = await action({
      operation: 'policy',
      'project-id': projectId,
      cluster: name,
      'policy-file': 'atlas-policy.yml',
    });
    expect(drifted.exitCode).toBe(1);
    expect(drifted.outputs).toMatchObject({ outcome: 'drift', drift: 'true', differences: '1' });
    expect(drifted.summary).toContain('| `schedule.restoreWindowDays` | 14 | 7 |');
    expect(drifted.outputs.report).toContain('| `schedule.restoreWindowDays` | 14 | 7 |');
    expect(matching.outputs.report).toBe('');
    expect(errors(drifted)[0]).toContain('schedule.restoreWindowDays: expected 14, actual 7');
  });
});
